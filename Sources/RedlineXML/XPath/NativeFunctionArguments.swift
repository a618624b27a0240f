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
        do { return try evaluator.string(arguments[index], context) } catch { throw .gaveUp }
    }

    func strings(_ index: Int) throws(RedlineFunctionFailure) -> [String] {
        let argument = arguments[index]
        guard argument.isNodeSet else { return [try string(index)] }
        do {
            return try evaluator.values(of: argument, context, NativeXPathEvaluator.stringValue(of:))
        } catch {
            throw .gaveUp
        }
    }

    func anyString(_ index: Int, _ test: (String) -> Bool) throws(RedlineFunctionFailure) -> Bool {
        let argument = arguments[index]
        guard argument.isNodeSet else { return test(try string(index)) }
        do {
            return try evaluator.any(argument, context) { node in test(NativeXPathEvaluator.stringValue(of: node)) }
        } catch {
            throw .gaveUp
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
            throw .gaveUp
        }
        return count
    }

    func anyNode(_ index: Int, _ test: (xmlNodePtr) -> Bool) throws(RedlineFunctionFailure) -> Bool {
        let argument = arguments[index]
        guard argument.isNodeSet else { throw .invalidType }
        do { return try evaluator.any(argument, context) { node in test(node) } } catch { throw .gaveUp }
    }

    func charge(_ cost: Int) throws(RedlineFunctionFailure) {
        do { try evaluator.charge(cost) } catch { throw .operationLimit }
    }
}
