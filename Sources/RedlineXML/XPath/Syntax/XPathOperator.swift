/// A binary operator of XPath 1.0.
package enum XPathOperator: String, Sendable, CaseIterable {
    /// The boolean operators.
    case or, and
    /// Equality.
    case equal = "=", notEqual = "!="
    /// Order.
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// Arithmetic.
    case add = "+", subtract = "-", multiply = "*", divide = "div", modulo = "mod"
    /// Node-set union.
    case union = "|"

    /// Whether the operator compares its operands (`= != < <= > >=`).
    package var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}
