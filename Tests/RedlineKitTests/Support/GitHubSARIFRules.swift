/// GitHub code scanning's requirements beyond the SARIF schema (GitHub Docs "SARIF support for
/// code scanning", sarif-sdk GH1001/GH1003/GH1005/GH1007; see ci-formats.md §1.2), as the
/// project's own check. Mirrors ../shared/tools/gh_sarif_lint.py.
enum GitHubSARIFRules {
    static func problems(_ log: JSONNode) -> [String] {
        var problems: [String] = []
        func fail(_ path: String, _ message: String) { problems.append("\(path): \(message)") }
        if (log["$schema"]?.string ?? "").isEmpty { fail("$", "'$schema' missing") }
        if log["version"]?.string != "2.1.0" { fail("$.version", "must be 2.1.0") }
        let runs = log["runs"]?.array ?? []
        if runs.isEmpty || runs.count > 20 { fail("$.runs", "1 to 20 runs required") }
        for (r, run) in runs.enumerated() {
            let rp = "$.runs[\(r)]"
            let driver = run["tool"]?["driver"]
            if (driver?["name"]?.string ?? "").isEmpty { fail("\(rp).tool.driver.name", "required") }
            guard let rules = driver?["rules"]?.array else {
                fail("\(rp).tool.driver.rules", "required")
                continue
            }
            let ids = rules.map { $0["id"]?.string ?? "" }
            if Set(ids).count != ids.count { fail("\(rp).tool.driver.rules", "duplicate rule ids") }
            for (k, rule) in rules.enumerated() {
                let p = "\(rp).tool.driver.rules[\(k)]"
                for key in ["shortDescription", "fullDescription", "help"]
                where (rule[key]?["text"]?.string ?? "").isEmpty {
                    fail("\(p).\(key).text", "required, non-empty")
                }
                for key in ["shortDescription", "fullDescription"] where (rule[key]?["text"]?.string ?? "").count > 1024
                {
                    fail("\(p).\(key).text", "> 1024 characters")
                }
                if (rule["name"]?.string ?? "").count > 255 { fail("\(p).name", "> 255 characters") }
                if (rule["properties"]?["tags"]?.array ?? []).count > 20 { fail("\(p).properties.tags", "> 20 tags") }
                if let level = rule["defaultConfiguration"]?["level"]?.string,
                    !["note", "warning", "error"].contains(level)
                {
                    fail("\(p).defaultConfiguration.level", "\(level) is not note, warning or error")
                }
            }
            guard let results = run["results"]?.array else {
                fail("\(rp).results", "required (use [] for a clean run)")
                continue
            }
            if results.count > 25_000 { fail("\(rp).results", "> 25,000 results") }
            for (j, result) in results.enumerated() {
                let p = "\(rp).results[\(j)]"
                let ruleID = result["ruleId"]?.string ?? ""
                if ruleID.isEmpty {
                    fail("\(p).ruleId", "missing")
                } else if !ids.contains(ruleID) {
                    fail("\(p).ruleId", "not a listed rule")
                }
                if let index = result["ruleIndex"]?.int, !(index >= 0 && index < ids.count && ids[index] == ruleID) {
                    fail("\(p).ruleIndex", "does not point at the rule named by ruleId")
                }
                if (result["message"]?["text"]?.string ?? "").isEmpty { fail("\(p).message.text", "required (GH1007)") }
                let locations = result["locations"]?.array ?? []
                if locations.isEmpty || locations.count > 1000 {
                    fail("\(p).locations", "1 to 1,000 locations required (GH1001)")
                }
                if let first = locations.first {
                    let physical = first["physicalLocation"]
                    let uri = physical?["artifactLocation"]?["uri"]?.string ?? ""
                    if uri.isEmpty { fail("\(p).uri", "required (GH1001)") }
                    if uri.hasPrefix("/") || uri.contains(":") {
                        fail("\(p).uri", "\(uri) is not repository-relative (GH1005)")
                    }
                    if (physical?["region"]?["startLine"]?.int ?? 0) < 1 {
                        fail("\(p).region.startLine", "required (GH1003)")
                    }
                }
                if (result["partialFingerprints"]?["primaryLocationLineHash"]?.string ?? "").isEmpty {
                    fail("\(p).partialFingerprints.primaryLocationLineHash", "missing")
                }
                if let rank = result["rank"], case .number(let value, _) = rank, !(0...100).contains(value) {
                    fail("\(p).rank", "out of 0–100")
                }
            }
        }
        return problems
    }
}
