import CLibXML2

/// The arguments of one call of a ``RedlineFunction``, as the evaluator calling it holds them:
/// values libxml2 has computed and popped from its stack, or expressions the native evaluator
/// evaluates when the function asks (so that an existential test stops at the first node).
protocol RedlineFunctionArguments {
    /// The evaluation date and the rule set's reference lists.
    var environment: EvaluationEnvironment { get }

    /// The string value of argument `index`: a node-set's first node's, else XPath's string
    /// conversion.
    func string(_ index: Int) throws(RedlineFunctionFailure) -> String

    /// The strings of argument `index`: each node's string value for a node-set (in no particular
    /// order), else its one string.
    func strings(_ index: Int) throws(RedlineFunctionFailure) -> [String]

    /// Whether any string of argument `index` (as ``strings(_:)``) satisfies `test`, stopping at
    /// the first that does.
    func anyString(_ index: Int, _ test: (String) throws(RedlineFunctionFailure) -> Bool)
        throws(RedlineFunctionFailure) -> Bool

    /// How many strings argument `index` gives (its nodes for a node-set, else one).
    func valueCount(_ index: Int) throws(RedlineFunctionFailure) -> Int

    /// Whether any node of argument `index` satisfies `test`, stopping at the first that does.
    /// - Throws: ``RedlineFunctionFailure/invalidType`` when the argument is not a node-set.
    func anyNode(_ index: Int, _ test: (xmlNodePtr) -> Bool) throws(RedlineFunctionFailure) -> Bool

    /// Counts `cost` operations against the evaluation's operation limit and the record's
    /// deadline. Every string an argument gives is charged by its length (one operation per 64
    /// bytes) as it is read.
    /// - Throws: ``RedlineFunctionFailure/operationLimit`` once the limit is passed,
    ///   ``RedlineFunctionFailure/timeLimit`` once the deadline is.
    func charge(_ cost: Int) throws(RedlineFunctionFailure)
}

extension RedlineFunctionArguments {
    /// The reference list argument `index` names.
    /// - Throws: ``RedlineFunctionFailure/unknownList(_:)`` when the rule set has no such list.
    func list(_ index: Int) throws(RedlineFunctionFailure) -> ReferenceList {
        let id = try string(index)
        guard let list = environment.lists[id] else { throw .unknownList(id) }
        return list
    }

    /// The reference list argument `index` names, with the cost of searching it for every value
    /// of argument `searched` charged (one operation per entry and value).
    /// - Throws: as ``list(_:)`` and ``charge(_:)``.
    func list(_ index: Int, searchedFor searched: Int) throws(RedlineFunctionFailure) -> ReferenceList {
        let list = try list(index)
        try charge(valueCount(searched) * list.entries.count)
        return list
    }

    /// Whether any node of argument `index` has provenance that is independent (or, with
    /// `independent` false, that is not): attributes and text count for their element.
    func anyProvenance(_ index: Int, independent: Bool) throws(RedlineFunctionFailure) -> Bool {
        try anyNode(index) { node in
            guard let provenance = RedlineFunctions.provenance(of: node) else { return false }
            return RedlineFunctions.independentProvenances.contains(provenance) == independent
        }
    }

    /// The date argument `index` gives, or nil when it is not a `YYYY-MM-DD` date.
    func date(_ index: Int) throws(RedlineFunctionFailure) -> LocalDate? {
        LocalDate(try string(index))
    }
}
