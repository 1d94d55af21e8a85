#include "rapidfire/client/client_state.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "rapidfire/client/input_parsing.hpp"
#include "rapidfire/client/match_text.hpp"
#include "rapidfire/client/roster_list.hpp"
#include "rapidfire/client/summary_markdown.hpp"
#include "rapidfire/common/text.hpp"
#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::client {

using namespace protocol;

namespace {

constexpr int standings_page_size = 50;

const Lines host_commands_help = {
    "commands: start, pause, continue, skip, extend [SECONDS], end, kick NAME, lock, unlock,",
    "          players, standings [RANK] (50 players from RANK, default 1), leave;",
    "          at a terminal mid-game, end and leave ask first (end! and",
    "          leave! do not);",
    "          after the game (host --stay): rematch, another round with the same players;",
    "          in interviews, rematch swap makes the first connected candidate the interviewer",
};
// At a terminal a key marks the group waiting at once, so a mark with more needs the '/'.
const Lines interactive_judge_help = {
    "judging: press c (correct), p (partial), w (wrong) or a (accept every suggestion);",
    "         for tips (number or id) and a comment type '/' first: '/c +1 +honesty Clear.'",
};
const Lines interactive_interview_judge_help = {
    "judging: press c (correct), p (partial), w (wrong) or a (accept every suggestion), then",
    "         type a comment and the tips shown (Enter for none); or all at once with '/'",
    "         first: '/c +1 +honesty Clear.'",
};
const Lines line_judge_help = {
    "judging: c (correct), p (partial), w (wrong), a (accept every suggestion);",
    "         c|p|w may be followed by +TIP (number or id) and a comment: 'c +1 Clear.'",
};
const std::string player_commands =
    "commands start with '/': /leave (/leave! without asking), /help";
const std::string solo_commands =
    "commands start with '/': /skip, /pause, /continue, /extend [SECONDS], /end, /leave, /help "
    "(/end! and /leave! without asking)";

// A nickname as typed on a command line: quoted when the shell would split or expand it.
std::string shell_word(const std::string& word) {
    const bool plain = std::all_of(word.begin(), word.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80;
    });
    if (plain && !word.empty())
        return word;
    std::string quoted = "'";
    for (const char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

bool is_seat_request(const std::optional<std::string>& request) {
    return request && (*request == "create_room" || *request == "join" || *request == "resume" ||
                       *request == "hello" || *request == "match_join");
}

}  // namespace

ClientState::ClientState(ClientConfig config)
    : config_(std::move(config)), presenter_(Style(config_.color), config_.fancy, config_.columns) {
    role_ = config_.command == Command::host ? Role::host : Role::player;
    kind_ = config_.create.kind;
    if (config_.saved_seat) {
        code_ = config_.saved_seat->code;
        resume_token_ = config_.saved_seat->resume_token;
        restoring_ = true;
    }
}

// ---------------------------------------------------------------------------------------------
// Output

void ClientState::say(Effects& fx, const Lines& lines) const {
    if (config_.json)
        return;  // stdout carries the frames only
    for (const auto& line : lines)
        fx.lines.push_back({false, line});
}

void ClientState::warn(Effects& fx, const Lines& lines) const {
    for (const auto& line : lines)
        fx.lines.push_back({true, line});
}

void ClientState::notice(Effects& fx, const std::string& line) const {
    if (config_.json) {
        warn(fx, {line});
    } else {
        say(fx, {line});
    }
}

void ClientState::finish(Effects& fx, int code) {
    if (finished_)
        return;
    finished_ = true;
    save_summaries(fx);
    // Over, given up or refused: nothing to come back to.
    if (remembered_)
        fx.forget_seat = std::exchange(remembered_, std::nullopt);
    fx.exit_code = code;
}

void ClientState::remember_seat(Effects& fx) {
    if (config_.command == Command::solo || code_.empty() || resume_token_.empty())
        return;
    const std::string& nickname = config_.command == Command::join    ? config_.join.nickname
                                  : config_.command == Command::match ? config_.match.nickname
                                                                      : config_.create.nickname;
    remembered_ = SeatToRemember{code_, role_, resume_token_, nickname};
    fx.seat = remembered_;
}

void ClientState::save_summaries(Effects& fx) {
    if (config_.save_summary && summaries_unsaved_ && !summaries_markdown_.empty()) {
        fx.summary_markdown = summaries_markdown_;
        summaries_unsaved_ = false;
    }
}

bool ClientState::stays_after_game() const {
    // A room whose host is gone has no rematch to wait for; a solo run ends with its run.
    return config_.stay && config_.command != Command::solo && !finished_ &&
           round_.end_reason != EndReason::host_gone;
}

void ClientState::maybe_finish(Effects& fx) {
    if (phase_ != Phase::over || finished_ || round_.done)
        return;
    const bool interview = kind_ == RoomKind::interview;
    const bool solo = config_.command == Command::solo;
    const Round& r = round_;
    bool done = false;
    if (is_host()) {
        done = !interview || r.summaries_received >= r.summaries_expected;
    } else {
        done = r.final_received && (!interview || r.summaries_received >= 1) &&
               (!solo || r.best_settled);
    }
    if (!done)
        return;
    round_.done = true;
    // Whoever holds the host token can fetch the results later: say how.
    if (is_host() || solo)
        say(fx, {results_hint()});
    if (config_.command == Command::match) {
        // A pair's turns run by themselves; the feedback ends it (partner_feedback).
        save_summaries(fx);
        ++turns_over_;
        if (round_.end_reason != EndReason::host_gone) {
            say(fx, {turns_over_ == 1 ? "next: the roles swap by themselves in a few seconds"
                                      : "next: feedback for " + partner_});
        }
        if (round_.end_reason == EndReason::host_gone)
            finish(fx, 0);
        return;
    }
    if (stays_after_game()) {
        save_summaries(fx);  // this round's, now: the client may stay a long while
        say(fx, presenter_.after_game(is_host(), kind_));
        return;
    }
    finish(fx, 0);
}

std::string ClientState::client_command() const {
    const std::string& url = config_.server_url;
    return "rapidfire-client" + (url.empty() || url == default_url ? "" : " --url " + url);
}

std::string ClientState::join_command(const std::string& code,
                                      const std::optional<std::string>& password) const {
    std::string command = client_command() + " join " + code + " --name NAME";
    if (password && !password->empty())
        command += " --password " + *password;
    return command;
}

std::string ClientState::results_hint() const {
    const std::string client = client_command();
    return "results: " + client + " history, then " + client + " export ID --format csv|json|md";
}

bool ClientState::awaiting_personal_best() const {
    return config_.command == Command::solo && phase_ == Phase::over && round_.final_received &&
           !round_.best_settled && !finished_;
}

Effects ClientState::stop_awaiting_personal_best() {
    Effects fx;
    round_.best_settled = true;
    maybe_finish(fx);
    return fx;
}

Lines ClientState::help() const {
    if (is_host()) {
        Lines lines = host_commands_help;
        const Lines& judging = !config_.interactive           ? line_judge_help
                               : kind_ == RoomKind::interview ? interactive_interview_judge_help
                                                              : interactive_judge_help;
        lines.insert(lines.end(), judging.begin(), judging.end());
        return lines;
    }
    std::string how;
    if (mode_ == AnswerMode::choice) {
        // At a terminal a choice is one key; piped, one line.
        how = config_.interactive ? "press the number of your choice (no Enter needed);"
                                  : "type the number of your choice and press Enter;";
    } else if (mode_) {
        how = "type your answer and press Enter;";
    } else {
        how = "type the number of your choice, or your answer, and press Enter;";
    }
    return {how, config_.command == Command::solo ? solo_commands : player_commands};
}

// ---------------------------------------------------------------------------------------------
// Frames and messages

Effects ClientState::on_frame(std::string_view frame, Millis now) {
    if (finished_)
        return {};  // what comes while the connection closes is of no use
    auto decoded = decode_server_message(frame);
    if (auto* error = std::get_if<DecodeError>(&decoded)) {
        Effects fx;
        if (config_.json)
            fx.lines.push_back({false, std::string(frame)});
        warn(fx, {"unreadable message from the server: " + error->message});
        return fx;
    }
    Effects fx = on_message(std::get<ServerMessage>(decoded), now);
    if (config_.json)
        fx.lines.insert(fx.lines.begin(), OutputLine{false, std::string(frame)});
    return fx;
}

Effects ClientState::on_message(const ServerMessage& message, Millis now) {
    Effects fx;
    std::visit([&](const auto& m) { handle(m, fx, now); }, message);
    return fx;
}

void ClientState::handle(const Welcome& m, Effects& fx, Millis now) {
    if (m.server_time > 0)
        countdown_.sync(m.server_time, now);
    if (m.protocol != protocol_version) {
        warn(fx, {"the server speaks protocol " + std::to_string(m.protocol) + ", this client " +
                  std::to_string(protocol_version)});
    }
    // Still resuming, or resuming now: the seat is asked back with its token.
    link_ = resuming() || !resume_token_.empty() ? Link::resuming : Link::open;
    fx.send.push_back(Hello{protocol_version, config_.client_name});
    if (!resume_token_.empty()) {
        fx.send.push_back(Resume{resume_token_});
    } else if (config_.command == Command::match) {
        link_ = Link::open;  // a queue is joined, not resumed
        say(fx, {match_request_line(config_.match)});
        fx.send.push_back(config_.match);
    } else if (config_.command == Command::join) {
        fx.send.push_back(config_.join);
    } else {
        fx.send.push_back(config_.create);
    }
}

void ClientState::handle(const RoomCreated& m, Effects& fx, Millis now) {
    // The server sends the settings back without the password, and with the questions it has.
    const std::optional<int> asked = config_.create.settings.questions;
    const std::optional<std::string> password = config_.create.settings.password;
    code_ = m.code;
    host_token_ = m.host_token;
    resume_token_ = m.resume_token;
    me_ = m.player;
    kind_ = m.kind;
    mode_ = m.settings.mode;
    config_.create.settings = m.settings;
    phase_ = Phase::lobby;
    say(fx, presenter_.room_created(m, join_command(m.code, password)));
    if (asked && m.settings.questions && *m.settings.questions < *asked) {
        notice(fx, "--questions " + std::to_string(*asked) + " cut to " +
                       std::to_string(*m.settings.questions) + ": the bank has " +
                       std::to_string(m.questions_available) + " question" +
                       (m.questions_available == 1 ? "" : "s") + " for this round");
    }
    fx.remember = RoomToRemember{m.code, m.host_token};
    remember_seat(fx);
    if (config_.command == Command::solo) {
        if (config_.fancy)
            say(fx, help());
        fx.send.push_back(Start{host_token_});
    }
    on_seated(fx, now);
}

void ClientState::handle(const Joined& m, Effects& fx, Millis now) {
    // A fresh (not resumed) joined to a seat already held: a rematch took the room back to the
    // lobby. A seat resumed into the lobby once a game had begun missed one.
    const bool rematch =
        seated_ && (!m.resumed || (m.phase == RoomPhase::lobby && phase_ != Phase::lobby));
    const bool was_host = is_host();
    code_ = m.code;
    resume_token_ = m.resume_token;
    kind_ = m.kind;
    mode_ = m.settings.mode;
    take_role(m, fx);
    remember_seat(fx);
    if (m.resumed) {
        link_ = connected() ? Link::open : Link::connecting;  // the resume is answered
        if (!std::exchange(restoring_, false))
            notice(fx, "resumed");
    }
    if (rematch)
        return start_rematch(m, was_host, fx);
    if (m.resumed) {
        if (m.phase == RoomPhase::lobby)
            phase_ = Phase::lobby;
        if (m.phase == RoomPhase::finished)
            phase_ = Phase::over;
        if (!seated_) {
            // The seat an earlier run of this command held: the state follows.
            notice(fx,
                   "back in room " + m.code + " as " + m.nickname +
                       (is_host() ? ", the host" : ": " + std::to_string(m.points) + " points"));
            on_seated(fx, now);
        }
        return;
    }
    phase_ = Phase::lobby;
    say(fx, presenter_.joined(m));
    if (config_.fancy)
        say(fx, help());
    on_seated(fx, now);
}

void ClientState::take_role(const Joined& m, Effects& fx) {
    // A solo player stays the player the command line made them (their own clock is theirs to
    // run: see run_command).
    if (config_.command != Command::solo)
        role_ = m.role;
    me_ = m.player;
    if (m.host_token) {
        // A token this client did not hold (the host seat came by `rematch swap`) opens the
        // rounds it hosts from now on: remembered like a created room's, for history/export.
        if (*m.host_token != host_token_ && config_.command != Command::solo && !restoring_)
            fx.remember = RoomToRemember{m.code, *m.host_token};
        host_token_ = *m.host_token;
    } else if (!is_host() && config_.command != Command::solo) {
        host_token_.clear();  // swapped away: the old token opens nothing now
    }
}

void ClientState::start_rematch(const Joined& m, bool was_host, Effects& fx) {
    const bool role_changed = was_host != is_host();
    phase_ = Phase::lobby;
    round_ = Round{};
    if (role_changed) {
        // Lines queued for the other side of the table do not carry over.
        answer_lines_.clear();
        judge_lines_.clear();
        roster_.clear();
    }
    last_roster_line_.clear();  // the lobby's roster is shown again
    say(fx, presenter_.rematch(m, role_changed));
    if (swap_requested_ && !role_changed) {
        notice(fx, "no candidate to swap with: you are still the " +
                       std::string(kind_ == RoomKind::interview ? "interviewer" : "host"));
    }
    swap_requested_ = false;
    rematch_sent_ = false;
    if (config_.fancy && role_changed)
        say(fx, help());
}

void ClientState::on_seated(Effects& fx, Millis now) {
    seated_ = true;
    std::deque<std::string> early;
    early.swap(early_lines_);
    for (const auto& line : early)
        fx.append(on_line(line, now));
}

void ClientState::handle(const Roster& m, Effects& fx, Millis) {
    apply_roster(roster_, m);
    roster_count_ = m.count;
    roster_connected_ = m.connected;
    if (config_.command == Command::solo)
        return;
    const Lines lines = presenter_.roster(m, roster_, is_host());
    // Coalesced updates may repeat what is already shown.
    if (lines.front() == last_roster_line_)
        return;
    last_roster_line_ = lines.front();
    say(fx, lines);
}

void ClientState::handle(const Question& m, Effects& fx, Millis now) {
    Round& r = round_;
    const bool same = r.question && r.question->question == m.question && phase_ == Phase::question;
    countdown_.sync(m.server_time, now);
    countdown_.start(m.deadline, m.time_limit_ms, m.remaining_ms, m.paused);
    if (!same) {
        r.answer = AnswerStatus::open;
        r.grading = Grading::none;
        r.answered_count = 0;
        r.expected_count = roster_connected_;  // until the first answer_progress says
    }
    r.question = m;
    phase_ = Phase::question;
    r.next_at.reset();
    r.judging.reset();
    say(fx, presenter_.question(m));
    if (!is_player())
        return;
    // A resumed connection may have lost the answer in flight: send it again (a duplicate is
    // refused with already_answered, which counts as taken).
    if (r.resend_answer && r.last_answer && r.last_answer->question == m.question &&
        r.answer != AnswerStatus::taken) {
        fx.send.push_back(*r.last_answer);
        r.answer = AnswerStatus::sent;
    }
    r.resend_answer = false;
    drain_answers(fx);
}

void ClientState::handle(const AnswerAccepted& m, Effects& fx, Millis) {
    if (!round_.question || m.question != round_.question->question)
        return;
    round_.answer = AnswerStatus::taken;
    say(fx, presenter_.accepted(m));
}

void ClientState::handle(const AnswerRejected& m, Effects& fx, Millis) {
    if (m.code == ErrorCode::already_answered) {
        round_.answer = AnswerStatus::taken;
        return;
    }
    if (round_.answer == AnswerStatus::sent)
        round_.answer = AnswerStatus::open;
    warn(fx, presenter_.rejected(m));
    drain_answers(fx);
}

void ClientState::handle(const AnswerProgress& m, Effects& fx, Millis) {
    round_.answered_count = m.answered;
    round_.expected_count = m.expected;
    if (is_host() && !config_.fancy)
        say(fx, presenter_.progress(m));
}

void ClientState::handle(const QuestionClosed& m, Effects& fx, Millis) {
    // Judge mode: the clock stops; the reveal waits for the judge's marks.
    if (phase_ == Phase::question)
        phase_ = Phase::judging;
    say(fx, presenter_.question_closed(m));
}

void ClientState::handle(const JudgeRequest& m, Effects& fx, Millis now) {
    if (!is_host())
        return;
    phase_ = Phase::judging;
    Judging& judging = round_.judging.emplace();
    judging.request = m;
    say(fx, presenter_.judge_request(m));
    if (m.deadline) {
        judging.applies_at = *m.deadline - countdown_.offset();
        const Millis left = std::max<Millis>(0, (*judging.applies_at - now + 999) / 1000);
        notice(fx,
               "groups left unmarked get their suggested mark in " + std::to_string(left) + " s");
    }
    if (!m.tips.empty())
        say(fx, presenter_.judge_tips(m.tips, config_.guide.get()));
    prompt_next_group(fx);
    drain_judge_lines(fx);
}

void ClientState::handle(const Judged& m, Effects& fx, Millis) {
    if (!is_host())
        return;
    if (!round_.judging)
        return say(fx, presenter_.judged(m));
    Judging& judging = *round_.judging;
    const auto& mine = judging.marked_here;
    if (std::find(mine.begin(), mine.end(), m.group) != mine.end())
        return say(fx, presenter_.judged(m));
    // A suggestion applied: by 'a', or by the server when the judging time ran out. Say which
    // mark each group got, so the host knows what the players will see.
    if (!judging.accepted && !judging.time_up_told) {
        judging.time_up_told = true;
        notice(fx, "judging time is up: the groups left get their suggested marks");
    }
    std::string answer;
    for (const auto& group : judging.request.groups) {
        if (group.group == m.group)
            answer = group.answer;
    }
    notice(fx, "suggestion applied to group " + std::to_string(m.group + 1) + " \"" + answer +
                   "\": " + name_of(m.verdict) + ", " + std::to_string(m.remaining) + " left");
    // The prompt moves past the groups marked for the host.
    if (m.remaining == 0)
        judging.next = judging.request.groups.size();
}

void ClientState::handle(const Reveal& m, Effects& fx, Millis) {
    Round& r = round_;
    const bool current = r.question && r.question->question == m.question;
    const bool after_grading = phase_ == Phase::grading && !m.grading && current;
    r.judging.reset();
    r.next_at.reset();
    if (m.next_at)
        r.next_at = *m.next_at - countdown_.offset();
    if (m.grading) {
        // A resumed connection gets the grading prompt again: a grade already sent stands.
        const bool again = phase_ == Phase::grading && current;
        phase_ = Phase::grading;
        // The server asks only those who answered to grade themselves.
        const bool asked = is_player() && r.answer != AnswerStatus::open;
        if (!asked)
            r.grading = Grading::none;
        else if (!again || r.grading != Grading::sent)
            r.grading = Grading::due;
    } else {
        phase_ = Phase::reveal;
        r.grading = Grading::none;
    }
    if (!after_grading) {
        say(fx, presenter_.reveal(m, current ? &*r.question : nullptr, r.grading != Grading::none));
    }
    if (!m.grading && kind_ == RoomKind::interview && config_.guide &&
        !config_.guide->tips.empty()) {
        const auto& tips = config_.guide->tips;
        say(fx, presenter_.tip(tips[static_cast<std::size_t>(m.question) % tips.size()]));
    }
    drain_answers(fx);
}

void ClientState::handle(const Result& m, Effects& fx, Millis) {
    if (is_player())
        say(fx, presenter_.result(m));
}

void ClientState::handle(const Standings& m, Effects& fx, Millis) {
    say(fx, presenter_.standings(m, me_));
}

void ClientState::handle(const StandingsPage& m, Effects& fx, Millis) {
    say(fx, presenter_.standings_page(m));
}

void ClientState::handle(const Paused& m, Effects& fx, Millis) {
    countdown_.pause(m.remaining_ms);
    round_.next_at.reset();
    say(fx, presenter_.paused(m));
}

void ClientState::handle(const Continued& m, Effects& fx, Millis) {
    countdown_.resume(m.deadline, m.remaining_ms);
    if (phase_ == Phase::reveal && m.deadline > 0)
        round_.next_at = m.deadline - countdown_.offset();
    say(fx, presenter_.continued(m));
    drain_answers(fx);
}

void ClientState::handle(const TimeExtended& m, Effects& fx, Millis) {
    countdown_.extend(m.deadline, m.remaining_ms);
    say(fx, presenter_.extended(m));
}

void ClientState::handle(const HostStatus& m, Effects& fx, Millis) {
    const bool over = phase_ == Phase::over;
    say(fx, presenter_.host_status(m, over));
    // After the game, a host gone for good means no rematch: a player who stayed for one goes.
    if (over && !m.connected && m.grace_ms == 0 && !is_host() && round_.done && stays_after_game())
        finish(fx, 0);
}

void ClientState::handle(const GameOver& m, Effects& fx, Millis) {
    phase_ = Phase::over;
    round_.end_reason = m.reason;
    round_.judging.reset();
    round_.summaries_expected = m.count;
    say(fx, presenter_.game_over(m, me_));
    maybe_finish(fx);
}

void ClientState::handle(const FinalResult& m, Effects& fx, Millis) {
    round_.final_received = true;
    say(fx, presenter_.final_result(m));
    // In an interview the summary that follows lists the same, with the answers.
    if (m.study && kind_ != RoomKind::interview)
        say(fx, presenter_.study(*m.study));
    maybe_finish(fx);
}

void ClientState::handle(const PersonalBest& m, Effects& fx, Millis) {
    if (config_.command != Command::solo)
        return;
    round_.best_settled = true;
    say(fx, presenter_.personal_best(m));
    maybe_finish(fx);
}

void ClientState::handle(const Summary& m, Effects& fx, Millis) {
    std::string markdown = summary_markdown(m, config_.guide.get());
    say(fx, presenter_.summary(markdown));
    if (!summaries_markdown_.empty())
        summaries_markdown_ += "\n";
    summaries_markdown_ += markdown;
    summaries_unsaved_ = true;
    ++round_.summaries_received;
    maybe_finish(fx);
}

void ClientState::handle(const Kicked& m, Effects& fx, Millis) {
    warn(fx, presenter_.kicked(m));
    resume_token_.clear();
    finish(fx, 2);
}

void ClientState::handle(const Left&, Effects& fx, Millis) {
    notice(fx, "left the room");
    resume_token_.clear();
    finish(fx, 0);
}

std::string ClientState::room_code() const {
    if (!code_.empty())
        return code_;
    return config_.command == Command::join ? config_.join.code : std::string();
}

void ClientState::handle(const Error& m, Effects& fx, Millis) {
    // A grade sent twice across a reconnect: the first one counted.
    if (m.code == ErrorCode::already_answered && m.request == std::string(Grade::type))
        return;
    if (m.request == std::string(Rematch::type)) {
        swap_requested_ = false;
        rematch_sent_ = false;
    }
    if (restoring_ && m.request == std::string(Resume::type)) {
        // The seat of an earlier run is gone (the grace passed, the game or the room is over).
        restoring_ = false;
        resume_token_.clear();
        fx.forget_seat = config_.saved_seat;
        if (config_.command == Command::join) {
            notice(fx, "your earlier seat in room " + code_ + " is gone (" + m.message +
                           "): joining anew");
            link_ = Link::open;
            fx.send.push_back(config_.join);
            return;
        }
        warn(fx, {"cannot take back room " + code_ + ": " + m.message});
        code_.clear();
        finish(fx, 2);
        return;
    }
    warn(fx, presenter_.error(m));
    if (m.code == ErrorCode::room_server_gone) {
        warn(fx, {"the server that ran room " + room_code() +
                  " has stopped, and the room with it: ask the host for a new code"});
    }
    if (m.code == ErrorCode::wrong_password && config_.command == Command::join &&
        (!config_.join.password || config_.join.password->empty())) {
        warn(fx, {"this room needs a password: join with --password P"});
    }
    if (is_seat_request(m.request) || m.code == ErrorCode::unsupported_version) {
        resume_token_.clear();
        finish(fx, 2);
    }
}

void ClientState::handle(const Pong& m, Effects&, Millis now) {
    countdown_.sync(m.server_time, now);
}

// The list of open rooms answers `rooms` (rooms_command.cpp); a game never asks for it.
void ClientState::handle(const RoomList&, Effects&, Millis) {}

// ---------------------------------------------------------------------------------------------
// Finding a partner, and the feedback at the end

void ClientState::handle(const MatchStatus& m, Effects& fx, Millis) {
    if (const auto why = requeued_line(m))
        notice(fx, *why);
    say(fx, {match_status_line(m)});
}

void ClientState::handle(const MatchProposed& m, Effects& fx, Millis) {
    // Running `match` is the wish to be paired: the partner found is confirmed at once
    // ('/leave' declines while the room is being made).
    say(fx, {match_proposed_line(m) + "; confirming"});
    fx.send.push_back(MatchConfirm{});
}

void ClientState::handle(const MatchFound& m, Effects& fx, Millis) {
    matched_ = true;
    partner_ = m.partner;
    code_ = m.code;
    say(fx, {match_found_line(m)});
}

void ClientState::handle(const MatchLeft& m, Effects& fx, Millis) {
    notice(fx, match_left_line(m));
    finish(fx, m.reason == MatchLeftReason::no_show ? 1 : 0);
}

void ClientState::handle(const FeedbackRequest& m, Effects& fx, Millis) {
    if (feedback_ && feedback_->step == 3)
        return;  // sent already (a resume asks again only when it was not)
    feedback_ = FeedbackForm{m, 0, {}};
    say(fx, feedback_prompt(m));
    say(fx, {"ratings:"});
}

void ClientState::handle(const PairEnded& m, Effects& fx, Millis) {
    notice(fx, m.partner + " has left: the practice ends here, without feedback");
    finish(fx, 0);
}

void ClientState::handle(const FeedbackSaved&, Effects& fx, Millis) {
    say(fx, {"feedback sent; " + partner_ + "'s comes once they send theirs (or in 10 minutes)"});
}

void ClientState::handle(const PartnerFeedback& m, Effects& fx, Millis) {
    const std::vector<FeedbackArea> areas =
        feedback_ ? feedback_->request.areas : std::vector<FeedbackArea>{};
    say(fx, partner_feedback_lines(m, areas));
    const std::string me = config_.match.nickname;
    std::string md;
    if (feedback_ && feedback_->step == 3) {
        const auto& mine = feedback_->feedback;
        md +=
            feedback_markdown(me, m.from, true, mine.ratings, mine.went_well, mine.work_on, areas) +
            "\n";
    }
    md += feedback_markdown(m.from, me, m.sent, m.ratings, m.went_well, m.work_on, areas);
    say(fx, presenter_.summary(md));
    if (!summaries_markdown_.empty())
        summaries_markdown_ += "\n";
    summaries_markdown_ += md;
    summaries_unsaved_ = true;
    finish(fx, 0);
}

bool ClientState::take_feedback_line(const std::string& line, Effects& fx) {
    if (!feedback_ || feedback_->step >= 3)
        return false;
    FeedbackForm& form = *feedback_;
    switch (form.step) {
        case 0: {
            std::string error;
            auto ratings = parse_ratings(line, form.request.areas, error);
            if (!ratings) {
                warn(fx, {error});
                return true;
            }
            form.feedback.ratings = std::move(*ratings);
            say(fx, {"went well:"});
            break;
        }
        case 1:
            form.feedback.went_well = line;
            say(fx, {"work on:"});
            break;
        default:
            form.feedback.work_on = line;
            fx.send.push_back(form.feedback);
            break;
    }
    ++form.step;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Input

Effects ClientState::on_line(std::string_view raw, Millis) {
    Effects fx;
    if (finished_)
        return fx;
    const std::string line = trim(raw);
    if (take_feedback_line(line, fx))
        return fx;
    if (config_.command == Command::match && !matched_ && !seated_ &&
        (line == "leave" || line == "/leave")) {
        fx.send.push_back(MatchLeave{});
        return fx;
    }
    // The interactive judge's follow-up prompts take empty lines too ("no comment").
    if (judging_pending() && round_.judging->step == JudgeStep::comment) {
        Judging& judging = *round_.judging;
        if (!line.empty())
            judging.comment = line;
        if (!judging.request.tips.empty()) {
            judging.step = JudgeStep::tips;
            return fx;
        }
        mark_group({}, fx);
        return fx;
    }
    if (judging_pending() && round_.judging->step == JudgeStep::tips) {
        std::string error;
        auto tips = parse_tip_list(line, round_.judging->request.tips, error);
        if (!tips) {
            warn(fx, {error});
            return fx;
        }
        mark_group(std::move(*tips), fx);
        return fx;
    }
    if (line.empty())
        return fx;
    if (confirming_) {
        // The answer to "end the game?" or "leave?": yes runs the command; anything else keeps
        // playing and is taken as typed.
        const std::string command = *std::exchange(confirming_, std::nullopt);
        const std::string answer = split_command(line).word;
        if (answer == "y" || answer == "yes") {
            if (command != "end" || game_running())  // a game over meanwhile has no end
                run_command(command + "!", fx);
            return fx;
        }
        notice(fx, "not " + std::string(command == "end" ? "ended" : "left"));
        if (answer == "n" || answer == "no")
            return fx;
    }
    if (!seated_) {
        early_lines_.push_back(line);
        return fx;
    }
    if (is_host()) {
        // A judge's mark may start with '/': at a terminal a group waiting makes c, p, w and a
        // act at once, so '/c +1 Clear.' is how a mark with tips or a comment is typed there.
        const std::string mark = line.front() == '/' ? trim(line.substr(1)) : line;
        if (!mark.empty() && is_judge_line(mark)) {
            judge_lines_.push_back(mark);
            drain_judge_lines(fx);
            return fx;
        }
        run_command(line, fx);
        return fx;
    }
    if (line.front() == '/') {
        run_command(line, fx);
        return fx;
    }
    answer_lines_.push_back(line);
    drain_answers(fx);
    return fx;
}

Effects ClientState::on_disconnected() {
    Effects fx;
    if (finished_)
        return fx;
    if (looks_for_partner()) {
        // The server forgets a queued player whose connection drops: queue again on the next.
        notice(fx, "connection lost: joining the queue again...");
        link_ = Link::lost;
        return fx;
    }
    if (!can_resume()) {
        warn(fx, {"connection lost"});
        finish(fx, 1);
        return fx;
    }
    notice(fx, "connection lost, resuming...");
    link_ = Link::lost;
    round_.resend_answer = round_.answer == AnswerStatus::sent;
    if (round_.resend_answer)
        round_.answer = AnswerStatus::open;
    // The server sends the judging request again after the resume.
    round_.judging.reset();
    rematch_sent_ = false;  // the resume says whether it was done
    return fx;
}

Lines ClientState::on_interrupt() const {
    if (!seated_ || finished_ || code_.empty())
        return {};
    if (config_.command == Command::solo)
        return {"stopped: the run is abandoned"};
    if (is_host()) {
        return {"stopped: room " + code_ + " waits for its host for the server's resume grace " +
                    "(2 minutes by default)" +
                    (game_running() ? ", the game paused; after that the game ends" : ""),
                "to take it back: " + client_command() + " host --resume " + code_};
    }
    std::string again =
        client_command() + " join " + code_ + " --name " + shell_word(config_.join.nickname);
    if (config_.join.password && !config_.join.password->empty())
        again += " --password " + shell_word(*config_.join.password);
    if (config_.stay)
        again += " --stay";
    return {"stopped: your seat in room " + code_ + " and its points are kept",
            "to come back: " + again};
}

bool ClientState::can_resume() const {
    return !finished_ && !resume_token_.empty();
}

bool ClientState::can_answer() const {
    return connected() && is_player() && phase_ == Phase::question && round_.question &&
           round_.answer == AnswerStatus::open && !countdown_.paused();
}

bool ClientState::awaiting_grade() const {
    return connected() && phase_ == Phase::grading && round_.grading == Grading::due;
}

bool ClientState::judging_pending() const {
    return is_host() && round_.judging && round_.judging->pending();
}

void ClientState::drain_answers(Effects& fx) {
    Round& r = round_;
    while (!answer_lines_.empty()) {
        if (awaiting_grade()) {
            const std::string line = answer_lines_.front();
            answer_lines_.pop_front();
            const auto grade = parse_grade(line);
            if (!grade) {
                warn(fx, {"grade with again, hard, good or easy (or 1-4)"});
                continue;
            }
            fx.send.push_back(Grade{r.question->question, *grade});
            r.grading = Grading::sent;
            say(fx, {"graded " + name_of(*grade)});
            continue;
        }
        if (!can_answer())
            return;
        const std::string line = answer_lines_.front();
        answer_lines_.pop_front();
        Answer answer;
        answer.question = r.question->question;
        if (r.question->mode == AnswerMode::choice) {
            const int count = static_cast<int>(r.question->choices.size());
            const auto choice = parse_choice(line, count);
            if (!choice) {
                warn(fx, {"type a number from 1 to " + std::to_string(count)});
                continue;
            }
            answer.choice = *choice;
        } else {
            answer.text = line;
        }
        fx.send.push_back(answer);
        r.last_answer = answer;
        r.answer = AnswerStatus::sent;
    }
}

void ClientState::drain_judge_lines(Effects& fx) {
    while (judging_pending() && round_.judging->step == JudgeStep::verdict &&
           !judge_lines_.empty()) {
        const std::string line = judge_lines_.front();
        judge_lines_.pop_front();
        apply_judge_line(line, judge_lines_.empty(), fx);
    }
}

void ClientState::prompt_next_group(Effects& fx) {
    if (!judging_pending())
        return;
    const Judging& judging = *round_.judging;
    const int count = static_cast<int>(judging.request.groups.size());
    say(fx, presenter_.judge_prompt(judging.request.groups[judging.next],
                                    static_cast<int>(judging.next) + 1, count));
}

void ClientState::apply_judge_line(const std::string& line, bool typed_now, Effects& fx) {
    Judging& judging = *round_.judging;
    std::string error;
    const auto judge = parse_judge_line(line, judging.request.tips, error);
    if (!judge) {
        warn(fx, {error});
        return;
    }
    if (judge->accept_all) {
        fx.send.push_back(AcceptSuggestions{host_token_, judging.request.question});
        judging.accepted = true;
        judging.next = judging.request.groups.size();
        return;
    }
    judging.verdict = judge->verdict;
    judging.comment = judge->comment;
    // At a terminal, a bare mark in an interview asks for a comment and tips next.
    const bool bare = !judge->comment && judge->tips.empty();
    if (config_.interactive && typed_now && bare && kind_ == RoomKind::interview) {
        judging.step = JudgeStep::comment;
        return;
    }
    mark_group(judge->tips, fx);
}

// Sends the mark (verdict and comment) of the group in turn, with `tips`, and moves on to the
// next group.
void ClientState::mark_group(std::vector<std::string> tips, Effects& fx) {
    Judging& judging = *round_.judging;
    const auto& group = judging.request.groups[judging.next];
    fx.send.push_back(Judge{host_token_, judging.request.question, group.group, judging.verdict,
                            judging.comment, std::move(tips)});
    judging.marked_here.push_back(group.group);
    judging.step = JudgeStep::verdict;
    judging.comment.reset();
    ++judging.next;
    prompt_next_group(fx);
}

std::optional<PlayerId> ClientState::find_player(const std::string& nickname) const {
    // The server's nickname rule: nicknames that differ only in ASCII case are the same.
    const std::string wanted = common::fold_nickname(nickname);
    for (const auto& p : roster_) {
        if (common::fold_nickname(p.nickname) == wanted)
            return p.id;
    }
    return std::nullopt;
}

bool ClientState::game_running() const {
    return phase_ == Phase::question || phase_ == Phase::judging || phase_ == Phase::grading ||
           phase_ == Phase::reveal;
}

bool ClientState::asks_first(const std::string& word, bool forced, Effects& fx) {
    // At a terminal a stray `end` or `leave` would cost a game: ask. Scripts (and `end!`,
    // `leave!`) act at once.
    if (forced || !config_.interactive || !game_running())
        return false;
    confirming_ = word;
    const std::string what = word == "end" && config_.command == Command::solo ? "End the run?"
                             : word == "end" ? "End the game for everyone?"
                             : is_host()     ? "Leave? The game ends for everyone."
                                             : "Leave the game?";
    say(fx, {what + " Type y to confirm (or " + std::string(is_host() ? "" : "/") + word +
             "! next time)."});
    return true;
}

void ClientState::run_command(const std::string& line, Effects& fx) {
    const CommandWord command = split_command(line);
    // `end!`, `leave!`: without asking first.
    const bool forced = !command.word.empty() && command.word.back() == '!';
    const std::string word =
        forced ? command.word.substr(0, command.word.size() - 1) : command.word;
    const std::string& argument = command.argument;
    const bool solo = config_.command == Command::solo;
    const bool controls = is_host() || solo;  // the solo player runs their own clock
    auto needs_control = [&] {
        if (controls)
            return true;
        warn(fx, {"only the host can " + word});
        return false;
    };
    if (!connected() && word != "help") {
        warn(fx, {"not connected; try again in a moment"});
    } else if (word == "help" || word == "?") {
        say(fx, help());
    } else if (word == "leave" || word == "quit" || word == "exit") {
        if (!asks_first("leave", forced, fx))
            fx.send.push_back(Leave{});
    } else if (word == "start") {
        if (needs_control())
            fx.send.push_back(Start{host_token_});
    } else if (word == "pause") {
        if (needs_control())
            fx.send.push_back(Pause{host_token_});
    } else if (word == "continue" || word == "resume" || word == "go") {
        if (needs_control())
            fx.send.push_back(Continue{host_token_});
    } else if (word == "skip" || word == "next") {
        if (needs_control())
            fx.send.push_back(Skip{host_token_});
    } else if (word == "end") {
        if (needs_control() && !asks_first("end", forced, fx))
            fx.send.push_back(EndGame{host_token_});
    } else if (word == "extend") {
        if (!needs_control())
            return;
        int seconds = 10;
        if (!argument.empty()) {
            try {
                seconds = std::stoi(argument);
            } catch (const std::exception&) {
                warn(fx, {"extend takes a number of seconds"});
                return;
            }
        }
        fx.send.push_back(Extend{host_token_, seconds});
    } else if (word == "lock" || word == "unlock") {
        if (is_host()) {
            fx.send.push_back(Lock{host_token_, word == "lock"});
        } else {
            warn(fx, {"only the host can " + word});
        }
    } else if (word == "kick") {
        if (!is_host())
            return warn(fx, {"only the host can kick"});
        const auto id = find_player(argument);
        if (!id)
            return warn(fx, {"no player named '" + argument + "'"});
        fx.send.push_back(Kick{host_token_, *id});
    } else if (word == "rematch") {
        if (solo)
            return warn(fx,
                        {"a solo run has no rematch: start another with rapidfire-client solo"});
        if (!is_host())
            return warn(fx, {"only the host can rematch"});
        const auto swap = parse_rematch_swap(argument);
        if (!swap)
            return warn(fx, {"rematch takes nothing, or 'swap' in an interview"});
        if (*swap && kind_ != RoomKind::interview)
            return warn(fx, {"only interview rooms swap roles; type rematch"});
        if (!config_.stay) {
            return warn(fx, {"this client leaves at game over: start it with host --stay to "
                             "rematch after the game"});
        }
        if (phase_ != Phase::over)
            return warn(fx, {"no rematch yet: the game is not over"});
        if (rematch_sent_)
            return warn(fx, {"the rematch is on its way"});
        fx.send.push_back(Rematch{host_token_, *swap});
        swap_requested_ = *swap;
        rematch_sent_ = true;
    } else if (word == "standings") {
        if (!is_host())
            return warn(fx, {"only the host lists everyone's standings"});
        int rank = 1;
        if (!argument.empty()) {
            try {
                rank = std::stoi(argument);
            } catch (const std::exception&) {
                rank = 0;
            }
            if (rank < 1)
                return warn(fx, {"standings takes a rank, 1 for the leader"});
        }
        fx.send.push_back(ListStandings{host_token_, rank - 1, standings_page_size});
    } else if (word == "players") {
        if (!is_host())
            return warn(fx, {"only the host sees the players"});
        std::vector<std::string> names;
        for (const auto& p : roster_)
            names.push_back(p.nickname);
        say(fx, {"players " + std::to_string(roster_count_) +
                 (names.empty() ? "" : ": " + join_names(names))});
    } else {
        warn(fx, {"unknown command '" + word + "' (try help)"});
    }
}

// ---------------------------------------------------------------------------------------------
// Interactive terminals

std::string ClientState::single_keys() const {
    if (judging_pending() && round_.judging->step == JudgeStep::verdict)
        return "cpwa";
    if (awaiting_grade())
        return "1234";
    const auto& question = round_.question;
    if (can_answer() && question->mode == AnswerMode::choice && question->choices.size() <= 9) {
        std::string keys;
        for (std::size_t i = 0; i < question->choices.size(); ++i) {
            keys.push_back(static_cast<char>('1' + i));
        }
        return keys;
    }
    return {};
}

std::string ClientState::suggestions_countdown(Millis now) const {
    if (!round_.judging || !round_.judging->applies_at)
        return {};
    const Millis left = std::max<Millis>(0, (*round_.judging->applies_at - now + 999) / 1000);
    return presenter_.style().yellow("  suggested marks in " + std::to_string(left) + "s");
}

std::string ClientState::status_line(Millis now, int columns) const {
    const Style& style = presenter_.style();
    const Round& r = round_;
    if (resuming())
        return style.yellow("connection lost, resuming...");
    switch (phase_) {
        case Phase::connecting:
            return style.dim("connecting...");
        case Phase::lobby:
            if (is_host()) {
                return "Room " + style.bold(code_) + ": " + std::to_string(roster_count_) +
                       " player(s). Type start when ready.";
            }
            if (config_.command == Command::solo)
                return style.dim("starting...");
            return style.dim("Waiting for the host to start (" + std::to_string(roster_count_) +
                             " player(s))");
        case Phase::question: {
            std::string text = countdown_.bar(now, style, std::clamp(columns - 50, 10, 30));
            if (is_host()) {
                text += "  answered " + std::to_string(r.answered_count) + "/" +
                        std::to_string(r.expected_count);
            } else if (r.answer != AnswerStatus::open) {
                text += "  " + style.dim("answer in, waiting for the others");
            } else if (r.question && r.question->mode == AnswerMode::choice) {
                text += "  your choice (1-" + std::to_string(r.question->choices.size()) + ")";
            } else {
                text += "  your answer";
            }
            return text;
        }
        case Phase::judging:
            if (judging_pending()) {
                switch (r.judging->step) {
                    case JudgeStep::verdict:
                        return "[" + std::to_string(r.judging->next + 1) + "/" +
                               std::to_string(r.judging->request.groups.size()) + "] " +
                               style.bold("c") + "orrect " + style.bold("p") + "artial " +
                               style.bold("w") + "rong " + style.bold("a") + "ccept all" +
                               (kind_ == RoomKind::interview
                                    ? std::string()
                                    : style.dim("  (/c TEXT: with a comment)")) +
                               suggestions_countdown(now);
                    case JudgeStep::comment:
                        return "comment (Enter for none)";
                    case JudgeStep::tips:
                        return "tips shown (numbers, Enter for none)";
                }
            }
            return style.dim(is_host() ? "marking..." : "waiting for the judge...");
        case Phase::grading:
            if (awaiting_grade())
                return "grade yourself: 1 again, 2 hard, 3 good, 4 easy";
            return style.dim("waiting for the others to grade...");
        case Phase::reveal:
            if (r.next_at) {
                const Millis left = std::max<Millis>(0, *r.next_at - now);
                const bool last = r.question && r.question->question + 1 >= r.question->total;
                return style.dim((last ? "final results in " : "next question in ") +
                                 format_seconds(left));
            }
            return style.dim(is_host() ? "type skip for the next question"
                                       : "waiting for the host...");
        case Phase::over:
            if (!r.done || !stays_after_game())
                return {};
            if (is_host()) {
                return "Type " + style.bold("rematch") +
                       (kind_ == RoomKind::interview ? " (or " + style.bold("rematch swap") + ")"
                                                     : std::string()) +
                       " for another round, or " + style.bold("leave") + ".";
            }
            return style.dim("Waiting for a rematch; /leave to quit.");
    }
    return {};
}

}  // namespace rapidfire::client
