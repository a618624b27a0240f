/// How sure a screening is that a name of a record names an entry of a list.
public enum ScreeningTier: String, Sendable, Hashable, Codable, Comparable {
    /// No name came near.
    case none
    /// A score at or above ``ScreeningMatcher/possibleThreshold`` over the names' tokens, or any
    /// match on a weak alias or former name: goes to review, never refuses or revokes on its own.
    case possible
    /// An identifier equal, or the comparison key equal to a strong name or alias: may refuse or
    /// revoke.
    case hit

    private var rank: Int {
        switch self {
        case .none: 0
        case .possible: 1
        case .hit: 2
        }
    }

    public static func < (a: ScreeningTier, b: ScreeningTier) -> Bool { a.rank < b.rank }
}

/// Scores a record's name against a list's name, token by token.
///
/// Tokens are paired greedily, best similarity first. Two words are similar within an edit
/// budget that grows with their length (none up to 3 letters, 1 up to 5, 2 up to 8, 3 beyond);
/// numbers and legal forms only when equal. The score is the paired weight over all the weight
/// on both sides, where a distinctive word weighs 1, a generic word 0.4, a legal form 0.25 and a
/// number 1.3, so an unpaired distinctive word costs much and an extra "Ltd" little. The names
/// run together are compared too when they have different numbers of words, and a short word that
/// spells the initials of a run of words pairs with the whole run (`HT`, `Hacking Team`) (`CyberTech` and
/// `Cyber Tech`). Numbers that differ divide the
/// score by three: "11420 Corp." never comes near "Belletech Corp.".
public enum ScreeningMatcher {
    /// The score from which a pair is a possible match (yente's default threshold).
    public static let possibleThreshold = 0.70

    static func weight(_ kind: ScreeningName.TokenClass) -> Double {
        switch kind {
        case .word: 1
        case .generic: 0.4
        case .legalForm: 0.25
        case .number: 1.3
        }
    }

    /// The similarity of two names, 0…1.
    public static func score(_ query: ScreeningName, _ candidate: ScreeningName) -> Double {
        if query.isSame(as: candidate) { return 1 }
        let q = query.tokens
        let c = candidate.tokens
        guard !q.isEmpty, !c.isEmpty else { return 0 }
        var pairs: [(similarity: Double, i: Int, j: Int)] = []
        pairs.reserveCapacity(q.count * c.count)
        for i in q.indices {
            for j in c.indices {
                let similarity = self.similarity(q[i], c[j])
                if similarity > 0 { pairs.append((similarity, i, j)) }
            }
        }
        pairs.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.i, $0.j) < ($1.i, $1.j) }
        var usedQ = [Bool](repeating: false, count: q.count)
        var usedC = [Bool](repeating: false, count: c.count)
        var paired = 0.0
        // Initialisms first: a short word that spells the initials of a run of words on the other
        // side (`HT` and `Hacking Team`, `AGIS` and `Aegean Geo Intelligence Systems`).
        func initialisms(
            _ short: [ScreeningName.Token], _ long: [ScreeningName.Token], _ usedShort: inout [Bool],
            _ usedLong: inout [Bool]
        ) {
            for i in short.indices where !usedShort[i] && short[i].spelt && (2...5).contains(short[i].scalars.count) {
                let letters = short[i].scalars
                guard long.count >= letters.count else { continue }
                for start in 0...(long.count - letters.count) {
                    var fits = true
                    for offset in letters.indices {
                        let token = long[start + offset]
                        if usedLong[start + offset] || !token.spelt || token.scalars.first != letters[offset] {
                            fits = false
                            break
                        }
                    }
                    guard fits else { continue }
                    var weights = short[i].weight
                    for offset in letters.indices {
                        weights += long[start + offset].weight
                        usedLong[start + offset] = true
                    }
                    usedShort[i] = true
                    paired += 0.9 * weights
                    break
                }
            }
        }
        if query.shortWords || candidate.shortWords {
            initialisms(q, c, &usedQ, &usedC)
            initialisms(c, q, &usedC, &usedQ)
        }
        for pair in pairs where !usedQ[pair.i] && !usedC[pair.j] {
            usedQ[pair.i] = true
            usedC[pair.j] = true
            paired += pair.similarity * (q[pair.i].weight + c[pair.j].weight)
        }
        var score = paired / (query.weight + candidate.weight)
        // Only for names that split their words differently: with as many words on each side, the
        // words' own budgets decide ("LXC Aviation" is not "LAU Aviation").
        let a = query.joinedScalars
        let b = candidate.joinedScalars
        if a.count >= 6, !b.isEmpty, query.speltCount != candidate.speltCount {
            // One edit at most: the same letters split differently, not a word more.
            if let distance = editDistance(a, b, limit: 1) {
                // Legal forms still count: the joined words decide, the forms weigh in as above.
                let formPenalty = query.forms == candidate.forms ? 1.0 : 0.9
                score = max(score, (1 - Double(distance) / Double(max(a.count, b.count))) * formPenalty)
            }
        }
        if query.numbers != candidate.numbers { score /= 3 }
        return min(score, 1)
    }

    /// The similarity of two tokens.
    static func similarity(_ a: ScreeningName.Token, _ b: ScreeningName.Token) -> Double {
        if a.text == b.text { return 1 }
        switch (a.kind, b.kind) {
        case (.number, _), (_, .number), (.legalForm, _), (_, .legalForm): return 0
        default:
            let x = a.scalars
            let y = b.scalars
            let longest = max(x.count, y.count)
            if let distance = editDistance(x, y, limit: budget(min(x.count, y.count))) {
                return 1 - Double(distance) / Double(longest)
            }
            // Spelt differently by a romanisation (Tsitroks, Cytrox): compared by sound, for a little less.
            let p = a.sound
            let r = b.sound
            guard min(p.count, r.count) >= 4, let distance = editDistance(p, r, limit: budget(min(p.count, r.count)))
            else { return 0 }
            return 0.95 * (1 - Double(distance) / Double(max(p.count, r.count)))
        }
    }

    /// How many edits a word of `length` letters may take and still be the same word.
    static func budget(_ length: Int) -> Int {
        switch length {
        case ...3: 0
        case ...5: 1
        case ...8: 2
        default: 3
        }
    }

    /// The Levenshtein distance, or nil when it is more than `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        if a == b { return 0 }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                // Three rows in one buffer on the stack (names' words are short).
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
                    distance(a, b, limit: limit, rows: rows)
                }
            }
        }
    }

    /// Optimal string alignment (a swap of two neighbouring letters, `Gruop`, is one edit) with
    /// three rows of `b.count + 1` cells in `rows`; nil once every cell of a row exceeds `limit`.
    private static func distance(
        _ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>, limit: Int,
        rows: UnsafeMutableBufferPointer<Int>
    ) -> Int? {
        let width = b.count + 1
        var beforePrevious = 0
        var previous = width
        var current = 2 * width
        for j in 0..<width {
            rows[previous + j] = j
            rows[beforePrevious + j] = 0
        }
        for i in 1...a.count {
            rows[current] = i
            var best = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var cell = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cell = min(cell, rows[beforePrevious + j - 2] + 1)
                }
                rows[current + j] = cell
                best = min(best, cell)
            }
            if best > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        let result = rows[previous + b.count]
        return result <= limit ? result : nil
    }

    /// The tier of `score` for a list name of `strength`.
    public static func tier(score: Double, exact: Bool, strength: ScreeningEntry.Name.Strength) -> ScreeningTier {
        if exact && strength == .strong { return .hit }
        if exact || score >= possibleThreshold { return .possible }
        return .none
    }
}
