import CLibXML2

/// A redline function's arguments as the native evaluator has them: expressions evaluated when
/// the function asks, so that an existential use of a node-set stops at the first node that
/// decides it. Lives for one call only, holding neither the evaluator nor the expressions
/// (no reference counting on the hot path).
struct NativeFunctionArguments: RedlineFunctionArguments {
    unowned(unsafe) let evaluator: NativeXPathEvaluator
    let arguments: UnsafeBufferPointer<NativeXPath>
    let context: NativeXPathEvaluator.Context

    var environment: EvaluationEnvironment { evaluator.environment }

    func string(_ index: Int) throws(RedlineFunctionFailure) -> String {
        do { return try evaluator.string(arguments[index], context) } catch { throw Self.failure(error) }
    }

    /// What the function reports when the evaluation of an argument stopped.
    static func failure(_ stop: NativeXPathStop) -> RedlineFunctionFailure {
        stop.timeLimit ? .timeLimit : .gaveUp
    }

    func strings(_ index: Int) throws(RedlineFunctionFailure) -> [String] {
        let argument = arguments[index]
        guard argument.isNodeSet else { return [try string(index)] }
        do {
            return try evaluator.values(of: argument, context, evaluator.text(of:))
        } catch {
            throw Self.failure(error)
        }
    }

    func anyString(_ index: Int, _ test: (String) throws(RedlineFunctionFailure) -> Bool)
        throws(RedlineFunctionFailure) -> Bool
    {
        let argument = arguments[index]
        guard argument.isNodeSet else { return try test(try string(index)) }
        // The test's own failure is kept apart from the walk's (which stops as NativeXPathStop).
        var failure: RedlineFunctionFailure?
        do throws(NativeXPathStop) {
            return try evaluator.any(argument, context) { node throws(NativeXPathStop) in
                let text = try evaluator.text(of: node)
                do throws(RedlineFunctionFailure) {
                    return try test(text)
                } catch {
                    failure = error
                    if case .timeLimit = error { throw NativeXPathStop(timeLimit: true) }
                    throw NativeXPathStop()
                }
            }
        } catch {
            throw failure ?? Self.failure(error)
        }
    }

    func valueCount(_ index: Int) throws(RedlineFunctionFailure) -> Int {
        let argument = arguments[index]
        guard argument.isNodeSet else { return 1 }
        var count = 0
        do {
            _ = try evaluator.any(argument, context) { _ in
                count += 1
                return false
            }
        } catch {
            throw Self.failure(error)
        }
        return count
    }

    func anyNode(_ index: Int, _ test: (xmlNodePtr) -> Bool) throws(RedlineFunctionFailure) -> Bool {
        let argument = arguments[index]
        guard argument.isNodeSet else { throw .invalidType }
        do { return try evaluator.any(argument, context) { node in test(node) } } catch { throw Self.failure(error) }
    }

    func charge(_ cost: Int) throws(RedlineFunctionFailure) {
        do { try evaluator.charge(cost) } catch { throw error.timeLimit ? .timeLimit : .operationLimit }
    }
}
