/// Renders a ``LicenceTimeline``: as text (one line per date, changes of verdict with their
/// cause: `2021-07-18  event misuse-report (forensic, IN) → REVOKE-001 fails → maintain → revoke`),
/// as JSON, and as an HTML strip (an SVG of dates, events and the verdict band) with a table.
public struct TimelineRenderer: Sendable {
    /// The verdict policy, for the tones of the HTML strip.
    public var policy: VerdictPolicy

    /// A renderer for verdicts of `policy`.
    public init(policy: VerdictPolicy) {
        self.policy = policy
    }

    // MARK: - Text

    /// One line per date; a change of verdict is marked with its cause.
    public func text(_ timeline: LicenceTimeline) -> String {
        var out: TerminalText = "\(timeline.file): timeline of \(timeline.stage?.rawValue ?? "record") "
        out += "\(timeline.recordID ?? "?") (profile \(timeline.profile), \(timeline.steps.count) dates)\n"
        for step in timeline.steps {
            out += "\(step.date.description)  \(Self.causes(step))"
            for rule in step.began { out += " → \(rule) fails" }
            for rule in step.ended { out += " → \(rule) passes" }
            if let error = step.error {
                out += " → cannot evaluate: \(error)"
            } else if step.changesVerdict, let before = step.previousVerdict {
                out += " → \(before) → \(step.verdict ?? "?")"
            } else {
                out += "  (\(step.verdict ?? "?")"
                out += step.score.map { ", score \(ScoreText.of($0)))" } ?? ")"
            }
            out += "\n"
        }
        return out.text
    }

    private static func causes(_ step: LicenceTimeline.Step) -> TerminalText {
        step.causes.map { "\($0.label)" as TerminalText }.joined(separator: "; ")
    }

    // MARK: - JSON

    /// `{file, recordId, stage, profile, steps: [{date, causes, verdict, previousVerdict, score,
    /// failing, began, ended, error}]}`, keys in this order, 2-space indentation.
    public func json(_ timeline: LicenceTimeline) -> String {
        let steps = timeline.steps.map { step -> JSONValue in
            .object([
                ("date", .string(step.date.description)),
                (
                    "causes",
                    .array(
                        step.causes.map { cause in
                            .object([
                                ("kind", .string(cause.kind)), ("label", .string(cause.label)),
                                ("line", cause.line.map { .int($0) }),
                            ])
                        })
                ),
                ("verdict", step.verdict.map { .string($0) }),
                ("previousVerdict", step.previousVerdict.map { .string($0) }),
                ("changesVerdict", .bool(step.changesVerdict)),
                ("score", step.score.map { .number(ScoreText.of($0)) }),
                ("failing", .array(step.failing.map { .string($0) })),
                ("began", .array(step.began.map { .string($0) })),
                ("ended", .array(step.ended.map { .string($0) })),
                ("error", step.error.map { .string($0) }),
            ])
        }
        let document = JSONValue.object([
            ("file", .string(timeline.file)),
            ("recordId", timeline.recordID.map { .string($0) }),
            ("stage", timeline.stage.map { .string($0.rawValue) }),
            ("profile", .string(timeline.profile)),
            ("steps", .array(steps)),
        ])
        return document.rendered() + "\n"
    }

    // MARK: - HTML

    static let columnWidth = 120
    static let bandTop = 28
    static let bandHeight = 30

    /// The strip: one column per date, the verdict band in each verdict's tone (symbol and word
    /// too), the date and its causes below; then the same as a table.
    func html(_ timeline: LicenceTimeline) -> HTMLText {
        let steps = timeline.steps
        guard !steps.isEmpty else { return "" }
        let width = max(600, steps.count * Self.columnWidth + 20)
        let height = Self.bandTop + Self.bandHeight + 70
        var out: HTMLText = "<h3>Over time</h3>\n<div class=\"timeline\" style=\"overflow-x:auto\">"
        out += "<svg role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
        out += "aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">The verdict at each of the "
        out += "record's dates</title>\n"
        for (index, step) in steps.enumerated() {
            let x = 10 + index * Self.columnWidth
            let tone = HTMLTone(verdict: step.verdict, policy: policy)
            out += "<g class=\"step tone-\(tone.rawValue)\">"
            out += "<rect x=\"\(x)\" y=\"\(Self.bandTop)\" width=\"\(Self.columnWidth)\" height=\"\(Self.bandHeight)\" "
            out += "fill=\"\(tone.colour)\" stroke=\"#fff\"></rect>"
            out += "<text x=\"\(x + 6)\" y=\"\(Self.bandTop + 20)\" fill=\"#fff\">\(tone.symbol) "
            out += "\(step.verdict ?? "error")</text>"
            out +=
                "<line x1=\"\(x)\" y1=\"\(Self.bandTop - 8)\" x2=\"\(x)\" y2=\"\(Self.bandTop + Self.bandHeight + 8)\" "
            out += "stroke=\"#1f2328\"></line>"
            out += "<text x=\"\(x + 2)\" y=\"\(Self.bandTop - 12)\">\(step.date.description)</text>"
            let label = step.causes.first.map { Self.short($0.label) } ?? ""
            out += "<text x=\"\(x + 2)\" y=\"\(Self.bandTop + Self.bandHeight + 24)\">\(label)</text>"
            if step.causes.count > 1 {
                out +=
                    "<text x=\"\(x + 2)\" y=\"\(Self.bandTop + Self.bandHeight + 40)\">+\(step.causes.count - 1) more</text>"
            }
            if !step.began.isEmpty {
                out += "<text x=\"\(x + 2)\" y=\"\(Self.bandTop + Self.bandHeight + 56)\">"
                out += "\(Self.short(step.began.joined(separator: " ")))</text>"
            }
            out += "</g>\n"
        }
        out += "</svg></div>\n<table class=\"timeline-table\"><thead><tr><th>Date</th><th>What happened</th>"
        out += "<th>Rules that began / stopped failing</th><th>Verdict</th></tr></thead><tbody>\n"
        for step in steps {
            let tone = HTMLTone(verdict: step.verdict, policy: policy)
            let causes = step.causes.map { cause -> HTMLText in
                cause.line.map { "\(cause.label) <span class=\"muted\">(line \($0))</span>" } ?? "\(cause.label)"
            }
            var rules = step.began.map { "\($0) fails" as HTMLText }
            rules += step.ended.map { "\($0) passes" as HTMLText }
            let verdict: HTMLText =
                step.changesVerdict
                ? "<strong>\(step.previousVerdict ?? "") → \(step.verdict ?? "")</strong>"
                : "\(step.verdict ?? "error")"
            out += "<tr class=\"tone-\(tone.rawValue)\"><td>\(step.date.description)</td>"
            out += "<td>\(causes.joined(separator: "<br>"))</td><td>\(rules.joined(separator: "<br>"))</td>"
            out += "<td>\(tone.symbol) \(verdict)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// At most 18 characters, for a column of the strip.
    private static func short(_ text: String) -> String {
        text.count > 18 ? String(text.prefix(17)) + "…" : text
    }

    /// A page with the timeline alone (`redline timeline --format html`).
    public func page(_ timeline: LicenceTimeline) -> String {
        var out = HTMLPage.head(title: "redline timeline")
        out += "<h1>Timeline of <span class=\"path\">\(timeline.file)</span></h1>\n"
        out += "<p class=\"status\">\(timeline.stage?.rawValue ?? "record") <code>\(timeline.recordID ?? "?")</code> · "
        out += "profile \(timeline.profile)</p>\n"
        out += html(timeline)
        return (out + HTMLPage.tail()).text
    }
}
