#include "rapidfire/client/presenter.hpp"

#include <algorithm>
#include <cmath>

#include "rapidfire/client/countdown.hpp"
#include "rapidfire/client/study_material.hpp"

namespace rapidfire::client {

using namespace protocol;

namespace {

std::string number(int n) {
    return std::to_string(n);
}

// "1 player", "2 players"
std::string count_of(int n, const std::string& noun) {
    return number(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

std::string ordinal(int rank) {
    switch (rank) {
        case 1:
            return "1st";
        case 2:
            return "2nd";
        case 3:
            return "3rd";
        default:
            return std::to_string(rank) + "th";
    }
}

std::string pad(std::string text, std::size_t width) {
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}

std::string describe_settings(RoomKind kind, const RoundSettings& s) {
    std::string text = "kind=" + name_of(kind);
    if (s.mode)
        text += " mode=" + name_of(*s.mode);
    if (s.questions)
        text += " questions=" + number(*s.questions);
    if (s.clock == ClockMode::total && s.total_seconds) {
        text += " clock=total total=" + number(*s.total_seconds) + "s";
    } else if (s.seconds) {
        text += " seconds=" + number(*s.seconds);
    }
    if (s.reveal_seconds)
        text += " reveal=" + number(*s.reveal_seconds);
    if (!s.topics.empty())
        text += " topics=" + join_names(s.topics);
    if (s.seed)
        text += " seed=" + std::to_string(*s.seed);
    return text;
}

// "interviewer" and "candidate" in interviews, else "host" and "player".
std::string role_name(RoomKind kind, Role role) {
    if (kind == RoomKind::interview)
        return role == Role::host ? "interviewer" : "candidate";
    return role == Role::host ? "host" : "player";
}

// Why a game ended, for people.
std::string end_reason_words(EndReason reason) {
    switch (reason) {
        case EndReason::completed:
            return "all questions played";
        case EndReason::ended_by_host:
            return "ended by the host";
        case EndReason::host_gone:
            return "the host left";
        case EndReason::time_up:
            return "time is up";
    }
    return name_of(reason);
}

// **bold** spans as bold text.
std::string bold_spans(const std::string& line, const Style& style) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const auto open = line.find("**", at);
        const auto close = open == std::string::npos ? open : line.find("**", open + 2);
        if (close == std::string::npos) {
            out += line.substr(at);
            return out;
        }
        out += line.substr(at, open - at) + style.bold(line.substr(open + 2, close - open - 2));
        at = close + 2;
    }
}

// One line of a summary's Markdown as it reads on screen: headings without their '#', list
// items indented, bold spans bold.
std::string markdown_as_text(const std::string& line, const Style& style) {
    if (line.rfind("# ", 0) == 0)
        return style.bold(style.cyan(line.substr(2)));
    if (line.rfind("## ", 0) == 0)
        return style.bold(line.substr(3));
    if (line.rfind("- ", 0) == 0)
        return "  - " + bold_spans(line.substr(2), style);
    if (line.rfind("  - ", 0) == 0)  // an item under an item
        return "      - " + bold_spans(line.substr(4), style);
    return bold_spans(line, style);
}

// Spaces a line starts with on screen, colours skipped.
std::size_t leading_spaces(const std::string& line) {
    std::size_t spaces = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\x1b') {
            while (i < line.size() && line[i] != 'm')
                ++i;
        } else if (line[i] == ' ') {
            ++spaces;
        } else {
            break;
        }
    }
    return spaces;
}

}  // namespace

Lines Presenter::fitted(Lines lines) const {
    if (!fancy_ || width_ <= 0)
        return lines;
    Lines out;
    for (const auto& line : lines)
        put(out, line, leading_spaces(line));
    return out;
}

void Presenter::put(Lines& lines, const std::string& text, std::size_t hang) const {
    if (!fancy_ || width_ <= 0) {
        lines.push_back(text);
        return;
    }
    for (auto& line : wrap_hanging(text, width_, static_cast<int>(hang)))
        lines.push_back(std::move(line));
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out;
}

Lines Presenter::room_created(const RoomCreated& created, const std::string& join_command) const {
    if (!fancy_) {
        return {"room " + created.code,
                "settings " + describe_settings(created.kind, created.settings)};
    }
    if (created.kind == RoomKind::solo) {
        return fitted({style_.bold("Solo run") + " " +
                       style_.dim(describe_settings(created.kind, created.settings))});
    }
    Lines lines = fitted({style_.bold("Room code: ") + style_.cyan(style_.bold(created.code)),
                          style_.dim(describe_settings(created.kind, created.settings))});
    // The command stays on one line, so that it is copied whole (the terminal folds it).
    lines.push_back("Players join with: " + join_command);
    lines.push_back("Type 'start' when everyone is in ('help' lists the commands).");
    return lines;
}

Lines Presenter::joined(const Joined& joined) const {
    if (!fancy_) {
        return {"room " + joined.code, "joined as " + joined.nickname + ", host " + joined.host +
                                           ", " + describe_settings(joined.kind, joined.settings)};
    }
    return fitted(
        {style_.bold("Room ") + style_.cyan(style_.bold(joined.code)) + " hosted by " + joined.host,
         "You are " + style_.bold(joined.nickname) + ". Waiting for the host to start..."});
}

Lines Presenter::rematch(const Joined& joined, bool role_changed) const {
    const std::string role = role_name(joined.kind, joined.role);
    const std::string host = role_name(joined.kind, Role::host);
    if (!fancy_) {
        Lines lines{"rematch: room " + joined.code + " back in the lobby, " + host + " " +
                    joined.host};
        if (role_changed)
            lines.push_back("you are the " + role + " now");
        lines.push_back("settings " + describe_settings(joined.kind, joined.settings));
        return lines;
    }
    Lines lines{"", style_.bold(style_.cyan("Rematch!")) + " Room " +
                        style_.cyan(style_.bold(joined.code)) +
                        " is back in the lobby, hosted by " + joined.host + "."};
    if (role_changed)
        lines.push_back(style_.bold("You are the " + role + " now."));
    if (joined.role == Role::host) {
        lines.push_back("Type 'start' when everyone is ready ('help' lists the commands).");
    } else {
        lines.push_back("Waiting for the " + host + " to start...");
    }
    lines.push_back(style_.dim(describe_settings(joined.kind, joined.settings)));
    return fitted(std::move(lines));
}

Lines Presenter::roster(const Roster& roster, const std::vector<PlayerInfo>& players,
                        bool host) const {
    const std::string locked = roster.locked ? " (locked)" : "";
    if (!host) {
        if (fancy_)
            return fitted({style_.dim(count_of(roster.count, "player") + " in the room" + locked)});
        return {"players " + number(roster.count) + locked};
    }
    std::vector<std::string> names;
    for (const auto& p : players)
        names.push_back(p.connected ? p.nickname : p.nickname + " (away)");
    if (fancy_) {
        Lines lines;
        put(lines,
            style_.bold("Players (" + number(roster.count) + ")") + locked + ": " +
                (names.empty() ? style_.dim("nobody yet") : join_names(names)),
            2);
        return lines;
    }
    return {"players " + number(roster.count) + locked +
            (names.empty() ? "" : ": " + join_names(names))};
}

Lines Presenter::question(const Question& q) const {
    Lines lines;
    const std::string head = number(q.question + 1) + "/" + number(q.total);
    if (!fancy_) {
        lines.push_back("question " + head + ": " + q.text);
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
            lines.push_back("choice " + number(static_cast<int>(i) + 1) + ": " + q.choices[i]);
        }
        return lines;
    }
    lines.push_back("");
    std::string title = style_.bold(style_.cyan("Question " + head));
    if (!q.topics.empty())
        title += "  " + style_.dim(join_names(q.topics));
    title += "  " + style_.dim(format_seconds(q.time_limit_ms));
    put(lines, title, 2);
    put(lines, style_.bold(q.text), 0);
    // "  1) " and the choice's text, continuing under its first word.
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const std::string label = number(static_cast<int>(i) + 1) + ")";
        put(lines, "  " + style_.bold(label) + " " + q.choices[i], label.size() + 3);
    }
    return lines;
}

Lines Presenter::accepted(const AnswerAccepted& accepted) const {
    if (!fancy_)
        return {"accepted " + std::to_string(accepted.elapsed_ms) + "ms"};
    return fitted({style_.dim("Answer in after " + format_seconds(accepted.elapsed_ms) + ".")});
}

Lines Presenter::rejected(const AnswerRejected& rejected) const {
    if (!fancy_)
        return {"rejected " + std::string(to_string(rejected.code)) + ": " + rejected.message};
    return fitted({style_.red("Answer not taken: " + rejected.message)});
}

Lines Presenter::progress(const AnswerProgress& progress) const {
    return {"answered " + number(progress.answered) + "/" + number(progress.expected)};
}

Lines Presenter::question_closed(const QuestionClosed& closed) const {
    const std::string answers = count_of(closed.answered, "answer");
    if (!fancy_)
        return {"closed " + number(closed.question + 1) + ": " + answers + " to judge"};
    return fitted({style_.dim("Question closed: " + answers +
                              (closed.answered == 1 ? " goes" : " go") + " to the judge.")});
}

Lines Presenter::judge_request(const JudgeRequest& request) const {
    const std::string q = number(request.question + 1);
    if (!fancy_) {
        Lines lines{"judge question " + q + ": " + request.text, "reference: " + request.reference};
        if (!request.key_terms.empty())
            lines.push_back("key terms: " + join_names(request.key_terms));
        lines.push_back("groups " + number(static_cast<int>(request.groups.size())));
        return lines;
    }
    Lines lines{""};
    put(lines, style_.bold(style_.cyan("Judge question " + q)) + "  " + request.text, 2);
    put(lines, style_.bold("Reference: ") + request.reference, 2);
    if (!request.key_terms.empty())
        put(lines, style_.dim("Key terms: " + join_names(request.key_terms)), 2);
    put(lines,
        style_.dim(number(static_cast<int>(request.groups.size())) +
                   " answer group(s): c = correct, p = partial, w = wrong, "
                   "a = accept all suggestions"),
        2);
    return lines;
}

Lines Presenter::judge_prompt(const AnswerGroup& group, int index, int count) const {
    const std::string who = join_names(group.players);
    const std::string suggestion = name_of(group.suggestion) + " " + percent(group.overlap);
    if (!fancy_) {
        return {"judge " + number(index) + "/" + number(count) + ": \"" + group.answer + "\" (" +
                who + ") suggestion " + suggestion};
    }
    const std::string label = "[" + number(index) + "/" + number(count) + "] ";
    Lines lines;
    put(lines,
        style_.bold(label) + "\"" + group.answer + "\"  " +
            style_.dim("by " + who + " - suggested " + suggestion),
        label.size());
    return lines;
}

Lines Presenter::judge_tips(const std::vector<std::string>& tips,
                            const content::StudyGuide* guide) const {
    std::string text = "tips:";
    for (std::size_t i = 0; i < tips.size(); ++i) {
        std::string label = tips[i];
        if (guide != nullptr) {
            for (const auto& tip : guide->tips) {
                if (tip.id == tips[i])
                    label = tip.title;
            }
        }
        text +=
            " " + number(static_cast<int>(i) + 1) + "=" + label + (i + 1 < tips.size() ? "," : "");
    }
    return fitted({fancy_ ? style_.dim(text) : text});
}

Lines Presenter::judged(const Judged& judged) const {
    const std::string verdict = name_of(judged.verdict);
    if (!fancy_) {
        return {"judged " + number(judged.group + 1) + " " + verdict + ", " +
                number(judged.remaining) + " left"};
    }
    return fitted({style_.dim("Marked " + verdict + "; " + number(judged.remaining) + " to go.")});
}

Lines Presenter::reveal(const Reveal& reveal, const Question* question, bool will_grade) const {
    Lines lines;
    const std::string q = number(reveal.question + 1);
    // Every right choice (a question may have several); an older server sends only the first.
    std::vector<int> correct;
    if (reveal.correct_choices && !reveal.correct_choices->empty()) {
        correct = *reveal.correct_choices;
    } else if (reveal.correct_choice) {
        correct = {*reveal.correct_choice};
    }
    const auto choice_text = [&](int choice) -> std::optional<std::string> {
        if (question != nullptr && choice >= 0 &&
            choice < static_cast<int>(question->choices.size())) {
            return question->choices[static_cast<std::size_t>(choice)];
        }
        return std::nullopt;
    };
    if (!fancy_) {
        lines.push_back("reveal " + q + ": " + reveal.reference);
        for (const int choice : correct) {
            const auto text = choice_text(choice);
            lines.push_back("correct choice " + number(choice + 1) +
                            (text ? ": " + *text : std::string()));
        }
        if (!reveal.choice_counts.empty()) {
            std::string counts = "answers";
            for (const int c : reveal.choice_counts)
                counts += " " + number(c);
            lines.push_back(counts);
        }
        if (reveal.feedback)
            lines.push_back("feedback: " + *reveal.feedback);
        if (will_grade)
            lines.push_back("grade: again|hard|good|easy or 1-4");
        return lines;
    }
    put(lines, style_.bold("Answer: ") + style_.green(reveal.reference), 2);
    if (!correct.empty()) {
        std::string counts;
        for (std::size_t i = 0; i < reveal.choice_counts.size(); ++i) {
            counts += (i == 0 ? "" : "  ") + number(static_cast<int>(i) + 1) + ") " +
                      number(reveal.choice_counts[i]);
        }
        std::string which;
        for (std::size_t i = 0; i < correct.size(); ++i)
            which += (i == 0 ? "" : ", ") + number(correct[i] + 1);
        lines.push_back(
            style_.dim((correct.size() == 1 ? "Correct choice: " : "Correct choices: ") + which +
                       (counts.empty() ? "" : "   answers: " + counts)));
    }
    if (reveal.feedback)
        put(lines, style_.bold("Feedback: ") + *reveal.feedback, 2);
    if (will_grade) {
        lines.push_back(style_.bold("How did you do? ") +
                        "1 again, 2 hard, 3 good, 4 easy (or type the word)");
    }
    return fitted(std::move(lines));
}

Lines Presenter::result(const Result& result) const {
    const std::string verdict = result.verdict ? name_of(*result.verdict) : "none";
    Lines lines;
    if (!fancy_) {
        std::string line = "result " + verdict + " +" + number(result.points) + " total " +
                           number(result.total) + " rank " + number(result.rank);
        if (result.streak > 1)
            line += " streak " + number(result.streak);
        lines.push_back(line);
        if (result.comment)
            lines.push_back("comment: " + *result.comment);
        if (result.review_days)
            lines.push_back("review in " + number(*result.review_days) +
                            (*result.review_days == 1 ? " day" : " days"));
        return lines;
    }
    std::string head;
    if (!result.verdict) {
        head = style_.yellow("No answer.");
    } else if (*result.verdict == Verdict::correct) {
        head = style_.green(style_.bold("Correct!"));
    } else if (*result.verdict == Verdict::partial) {
        head = style_.yellow(style_.bold("Partly right."));
    } else {
        head = style_.red(style_.bold("Wrong."));
    }
    std::string line = head + " +" + number(result.points) + " points, total " +
                       number(result.total) + ", rank " + number(result.rank);
    if (result.streak > 1)
        line += ", streak " + number(result.streak);
    put(lines, line, 2);
    if (result.comment)
        put(lines, style_.bold("Judge: ") + *result.comment, 2);
    if (result.review_days) {
        put(lines,
            *result.review_days == 1
                ? std::string("Back for review tomorrow.")
                : "Back for review in " + number(*result.review_days) + " days.",
            2);
    }
    return lines;
}

Lines Presenter::standings(const Standings& standings, std::optional<PlayerId> me) const {
    if (!fancy_) {
        std::string line = "standings";
        for (std::size_t i = 0; i < standings.top.size(); ++i) {
            const auto& s = standings.top[i];
            line +=
                (i == 0 ? " " : ", ") + number(s.rank) + ". " + s.nickname + " " + number(s.points);
        }
        return {line};
    }
    Lines lines{style_.bold("Leaderboard") +
                style_.dim(" (" + count_of(standings.count, "player") + ")")};
    for (const auto& s : standings.top) {
        std::string row = "  " + pad(number(s.rank) + ".", 4) + pad(s.nickname, 24) +
                          pad(number(s.points), 7) + style_.dim(number(s.correct) + " correct");
        lines.push_back(me && s.player == *me ? style_.bold(style_.cyan(row)) : row);
    }
    return fitted(std::move(lines));
}

Lines Presenter::standings_page(const StandingsPage& page) const {
    const int shown = static_cast<int>(page.standings.size());
    if (page.count == 0)
        return {"standings: nobody is ranked yet (ranks come with each question's results)"};
    if (shown == 0) {
        return {"standings: only " + count_of(page.count, "player") + " ranked, none from rank " +
                number(page.offset + 1)};
    }
    const std::string range =
        number(page.offset + 1) + "-" + number(page.offset + shown) + " of " + number(page.count);
    if (!fancy_) {
        std::string line = "standings " + range + ":";
        for (std::size_t i = 0; i < page.standings.size(); ++i) {
            const auto& s = page.standings[i];
            line +=
                (i == 0 ? " " : ", ") + number(s.rank) + ". " + s.nickname + " " + number(s.points);
        }
        return {line};
    }
    Lines lines{style_.bold("Standings " + range) +
                style_.dim(" after " + count_of(page.questions, "question"))};
    for (const auto& s : page.standings) {
        lines.push_back("  " + pad(number(s.rank) + ".", 6) + pad(s.nickname, 24) +
                        pad(number(s.points), 7) + style_.dim(number(s.correct) + " correct"));
    }
    if (page.offset + shown < page.count)
        lines.push_back(style_.dim("more: standings " + number(page.offset + shown + 1)));
    return fitted(std::move(lines));
}

Lines Presenter::paused(const Paused& paused) const {
    const std::string why =
        paused.reason == PauseReason::host ? "by the host" : "host disconnected";
    if (!fancy_)
        return {"paused " + why + ", " + format_seconds(paused.remaining_ms) + " left"};
    return fitted({style_.yellow("Paused (" + why + ")")});
}

Lines Presenter::continued(const Continued& continued) const {
    if (!fancy_)
        return {"continued, " + format_seconds(continued.remaining_ms) + " left"};
    return {style_.green("Go on!")};
}

Lines Presenter::extended(const TimeExtended& extended) const {
    if (!fancy_)
        return {"extended, " + format_seconds(extended.remaining_ms) + " left"};
    return fitted({style_.green("More time: " + format_seconds(extended.remaining_ms) + " left.")});
}

Lines Presenter::host_status(const HostStatus& status, bool game_over) const {
    if (status.connected)
        return {fancy_ ? style_.green("The host is back.") : "host back"};
    std::string text;
    if (!game_over) {
        text = "host disconnected, the game ends in " + format_seconds(status.grace_ms) +
               " unless the host returns";
    } else if (status.grace_ms > 0) {
        text = "host disconnected, no rematch unless the host returns within " +
               format_seconds(status.grace_ms);
    } else {
        text = "the host has left: no rematch";
    }
    return fitted({fancy_ ? style_.yellow(text) : text});
}

Lines Presenter::game_over(const GameOver& over, std::optional<PlayerId> me) const {
    const std::string reason = name_of(over.reason);
    if (!fancy_) {
        std::string podium = "podium";
        for (std::size_t i = 0; i < over.standings.size() && i < 3; ++i) {
            const auto& s = over.standings[i];
            podium +=
                (i == 0 ? " " : ", ") + number(s.rank) + ". " + s.nickname + " " + number(s.points);
        }
        return {"game over: " + reason + ", " + number(over.questions) + " questions, " +
                    number(over.count) + " players",
                podium};
    }
    Lines lines{"", style_.bold(style_.cyan("Game over")) +
                        style_.dim(" (" + end_reason_words(over.reason) + ", " +
                                   count_of(over.questions, "question") + ")")};
    for (std::size_t i = 0; i < over.standings.size() && i < 3; ++i) {
        const auto& s = over.standings[i];
        std::string row =
            "  " + pad(ordinal(s.rank), 5) + pad(s.nickname, 24) + number(s.points) + " points";
        lines.push_back(me && s.player == *me ? style_.bold(style_.cyan(row)) : style_.bold(row));
    }
    if (over.standings.empty())
        lines.push_back(style_.dim("  nobody played"));
    return fitted(std::move(lines));
}

Lines Presenter::final_result(const FinalResult& r) const {
    if (!fancy_) {
        return {"final rank " + number(r.rank) + "/" + number(r.count) + " points " +
                number(r.points) + " correct " + number(r.correct) + " partial " +
                number(r.partial) + " wrong " + number(r.wrong) + " unanswered " +
                number(r.unanswered) + " time " + format_seconds(r.time_ms)};
    }
    return fitted(
        {style_.bold("You finished " + ordinal(r.rank) + " of " + number(r.count) + " with " +
                     number(r.points) + " points."),
         style_.dim(number(r.correct) + " correct, " + number(r.partial) + " partial, " +
                    number(r.wrong) + " wrong, " + number(r.unanswered) + " unanswered; " +
                    format_seconds(r.time_ms) + " spent answering (it breaks ties), " +
                    format_seconds(r.run_ms) + " from the first question to the end.")});
}

std::string study_topic_name(const std::string& topic) {
    return topic.empty() ? "without a topic" : topic;
}

std::vector<std::string> study_areas(const std::vector<StudyTopic>& study) {
    std::vector<std::string> areas;
    for (const auto& entry : study) {
        if (entry.area && std::find(areas.begin(), areas.end(), *entry.area) == areas.end())
            areas.push_back(*entry.area);
    }
    return areas;
}

Lines Presenter::study(const std::vector<StudyTopic>& study) const {
    if (study.empty())
        return {};
    const auto areas = study_areas(study);
    const auto numbers = [](const StudyTopic& entry) {
        std::string out;
        for (const int q : entry.questions)
            out += (out.empty() ? "" : ", ") + number(q + 1);
        return out;
    };
    if (!fancy_) {
        // Plain: "study areas: Evaluation, Optimization", then one line per topic.
        Lines lines;
        if (!areas.empty())
            lines.push_back("study areas: " + join_names(areas));
        for (const auto& entry : study) {
            std::string line = "study " + study_topic_name(entry.topic) + ": " +
                               number(static_cast<int>(entry.questions.size())) +
                               " missed, questions " + numbers(entry);
            if (entry.area)
                line += "; checklist: " + *entry.area;
            lines.push_back(std::move(line));
        }
        return lines;
    }
    Lines lines{"", style_.bold(style_.cyan("What to study"))};
    if (!areas.empty())
        put(lines, style_.dim("Checklist areas to review: " + join_names(areas) + "."), 0);
    for (const auto& entry : study) {
        const int missed = static_cast<int>(entry.questions.size());
        put(lines,
            "  " + style_.bold(study_topic_name(entry.topic)) +
                style_.dim(" - " + number(missed) + " missed"),
            4);
        if (entry.texts.size() == entry.questions.size()) {
            for (std::size_t i = 0; i < entry.questions.size(); ++i)
                put(lines, "    " + number(entry.questions[i] + 1) + ". " + entry.texts[i], 7);
        } else {
            put(lines,
                "    " + std::string(missed == 1 ? "Question " : "Questions ") + numbers(entry), 4);
        }
        if (entry.area) {
            put(lines,
                "    " + style_.yellow("See the checklist: " + *entry.area +
                                       (entry.checklist ? " \u2014 " + *entry.checklist : "")),
                6);
        }
    }
    return lines;
}

Lines Presenter::personal_best(const PersonalBest& best) const {
    // Plain: "new personal best! 7450 points (before: 6900)" or "best so far: 7450 (this run
    // 6900)"; a first run has nothing before it. A run that does not count says why.
    if (best.not_counted) {
        const std::string why = *best.not_counted == NotCounted::paused ? "you paused a question"
                                : *best.not_counted == NotCounted::extended
                                    ? "you extended a question's time"
                                    : "the connection dropped during a question";
        std::string line = "this run does not count for personal bests: " + why;
        if (best.previous)
            line += " (best so far: " + number(*best.previous) + ")";
        return fitted({fancy_ ? style_.dim(line) : line});
    }
    if (best.new_best) {
        const std::string before =
            best.previous ? "before: " + number(*best.previous) : std::string("first run");
        const std::string line =
            "new personal best! " + number(best.points) + " points (" + before + ")";
        return fitted({fancy_ ? style_.bold(style_.green(line)) : line});
    }
    const int top = best.previous.value_or(best.points);
    const std::string line =
        "best so far: " + number(top) + " (this run " + number(best.points) + ")";
    return fitted({fancy_ ? style_.dim(line) : line});
}

Lines Presenter::summary(const std::string& markdown) const {
    Lines lines;
    std::size_t start = 0;
    while (start < markdown.size()) {
        const auto end = markdown.find('\n', start);
        const std::string line =
            markdown.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (fancy_) {
            // A list item continues under its text.
            const std::size_t hang = line.rfind("- ", 0) == 0     ? 4
                                     : line.rfind("  - ", 0) == 0 ? 8
                                                                  : 0;
            put(lines, markdown_as_text(line, style_), hang);
        } else {
            lines.push_back(line);
        }
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return lines;
}

Lines Presenter::after_game(bool host, RoomKind kind) const {
    std::string text;
    if (!host) {
        text = fancy_
                   ? "Staying for a rematch: waiting for the " + role_name(kind, Role::host) +
                         ". Type /leave to quit."
                   : "next: wait for the " + role_name(kind, Role::host) + "'s rematch, or /leave";
    } else if (kind == RoomKind::interview) {
        text = fancy_
                   ? "Type 'rematch' for another round, 'rematch swap' to make the first connected "
                     "candidate the interviewer, or 'leave' to quit."
                   : "next: rematch, rematch swap (the first connected candidate interviews), "
                     "or leave";
    } else {
        text = fancy_ ? "Type 'rematch' for another round with the same players, or 'leave' to "
                        "quit."
                      : "next: rematch (another round, the same players) or leave";
    }
    return fitted({fancy_ ? style_.bold(text) : text});
}

Lines Presenter::tip(const content::Tip& tip) const {
    if (!fancy_)
        return {"tip: " + tip.title + ": " + tip.text};
    Lines lines;
    put(lines, style_.cyan(style_.bold("Tip - " + tip.title + ":")) + " " + style_.dim(tip.text),
        2);
    return lines;
}

Lines Presenter::kicked(const Kicked& kicked) const {
    return fitted({"kicked: " + kicked.reason});
}

Lines Presenter::error(const Error& error) const {
    std::string text = "error " + std::string(to_string(error.code)) + ": " + error.message;
    if (error.field)
        text += " (" + *error.field + ")";
    return fitted({fancy_ ? style_.red(text) : text});
}

}  // namespace rapidfire::client
