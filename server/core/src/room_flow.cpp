// The game's flow: questions open and close, answers are marked, the reveal, the end; pauses and
// the host's clock controls; timers.

#include <algorithm>
#include <unordered_map>

#include "rapidfire/core/answer_matching.hpp"
#include "rapidfire/core/scoring.hpp"
#include "room_ops.hpp"

namespace rapidfire::core::ops {

using namespace protocol;

namespace {

bool total_clock(const State& s) {
    return s.settings.clock == ClockMode::total;
}

bool run_out_of_time(const State& s) {
    return total_clock(s) && s.game.run.used >= s.game.run.budget;
}

// The T of the scoring formula: the question's time, or on one total clock, the share of the
// total each question gets.
Millis scoring_limit(const State& s) {
    if (total_clock(s))
        return s.game.run.budget / static_cast<Millis>(s.game.plan.size());
    return s.game.limit;
}

int waiting_players(const State& s) {
    int count = 0;
    for (const auto& m : s.members) {
        if (m.player && m.active && m.connected)
            ++count;
    }
    return count;
}

// Scores the current question from the verdicts on its answers, ranks, and reveals.
void reveal_results(State& s, Millis now) {
    const Millis limit = scoring_limit(s);
    for (auto& m : s.members) {
        if (!m.player || !m.score.in_game)
            continue;
        AnswerRecord& r = m.answer(s.game.current);
        if (!r.answered) {
            // No answer counts as taking the whole time, for those who left or were kicked
            // during the game too: leaving must not win a tie-break.
            m.score.streak = 0;
            m.score.time_ms += limit;
            // A solo runner who let the clock run out missed it; in a shared room the player
            // may not have been there for it.
            if (!m.identity.empty() && s.settings.kind == RoomKind::solo)
                r.rating = fsrs::Rating::again;
            continue;
        }
        const Verdict verdict = r.verdict.value_or(Verdict::wrong);
        r.verdict = verdict;
        if (!m.identity.empty())
            r.rating = learning::rating_of(verdict, r.grade, r.elapsed, limit);
        int points = base_points(verdict, r.elapsed, limit);
        switch (verdict) {
            case Verdict::correct:
                ++m.score.correct;
                ++m.score.streak;
                if (s.settings.streak_bonus)
                    points += streak_bonus(m.score.streak);
                break;
            case Verdict::partial:
                ++m.score.partial;
                m.score.streak = 0;
                break;
            case Verdict::wrong:
                ++m.score.wrong;
                m.score.streak = 0;
                break;
        }
        r.points = points;
        m.score.points += points;
        m.score.time_ms += r.elapsed;
        s.journal.emplace_back(AnswerMarked{s.code, s.round, s.game.current, m.id, verdict, r.grade,
                                            points, r.comment, r.tips});
    }
    s.game.questions_played = s.game.current + 1;
    rank_players(s);
    s.game.phase = RoomPhase::reveal;
    s.game.pending = 0;
    const bool last =
        s.game.current + 1 >= static_cast<int>(s.game.plan.size()) || run_out_of_time(s);
    s.game.phase_deadline.reset();
    if (s.settings.reveal_seconds > 0) {
        s.game.phase_deadline = now + s.settings.reveal_seconds * Millis{1000};
    } else if (last && s.settings.kind == RoomKind::solo) {
        s.game.phase_deadline = now;  // nobody else to press on: end at once
    }
    send_reveal(s, false);
    review_answers(s, now);
    send_results(s);
}

void build_groups(State& s) {
    const auto& question = *s.game.plan[s.game.current].source;
    const ReferenceMatcher reference(question);
    s.game.groups.clear();
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& m : s.members) {
        const AnswerRecord* r = m.find_answer(s.game.current);
        if (!m.player || r == nullptr || !r->answered)
            continue;
        std::string normalized = normalize_answer(r->text);
        // The reference and its accepted alternatives form one group: one mark covers them.
        if (reference.is_reference(normalized))
            normalized = reference.normalized_reference();
        auto [it, added] = index.try_emplace(normalized, s.game.groups.size());
        if (added) {
            JudgeGroup group;
            group.display = trim(r->text);
            group.overlap = reference.overlap(normalized);
            group.suggestion = suggest_verdict(group.overlap);
            group.normalized = std::move(normalized);
            s.game.groups.push_back(std::move(group));
        }
        s.game.groups[it->second].members.push_back(m.id);
    }
    // The most common answers first: one mark settles the most players.
    std::stable_sort(s.game.groups.begin(), s.game.groups.end(), [](const auto& a, const auto& b) {
        return a.members.size() > b.members.size();
    });
    s.game.unjudged = static_cast<int>(s.game.groups.size());
}

void apply_group_verdicts(State& s) {
    for (auto& group : s.game.groups) {
        const Verdict verdict = group.verdict.value_or(group.suggestion);
        for (const MemberId id : group.members) {
            AnswerRecord& r = s.find(id)->answer(s.game.current);
            r.verdict = verdict;
            r.comment = group.comment;
            r.tips = group.tips;
        }
    }
}

}  // namespace

bool running(const State& s) {
    return s.game.phase == RoomPhase::question || s.game.phase == RoomPhase::judging ||
           s.game.phase == RoomPhase::grading || s.game.phase == RoomPhase::reveal;
}

void start_game(State& s, Millis now) {
    for (auto& m : s.members)
        m.score.in_game = m.player && m.active;
    // A count still waiting for its slot was the lobby's: sent now, it would reach everyone
    // while they answer the first question.
    s.players_roster_dirty = false;
    s.game.plan = plan_game(s, now);
    ++s.round;
    GameStarted started;
    started.code = s.code;
    started.round = s.round;
    started.kind = s.settings.kind;
    started.settings = s.settings.to_wire();
    if (const Member* host = s.find(s.host_id))
        started.host = host->nickname;
    started.bank = s.deps.bank->title;
    started.host_token = s.host_token;
    for (std::size_t i = 0; i < s.game.plan.size(); ++i) {
        const auto& q = *s.game.plan[i].source;
        started.questions.push_back({static_cast<int>(i), q.id, q.text, q.answer, q.topics});
    }
    started.at = now;
    s.journal.emplace_back(std::move(started));
    s.game.run.started = now;
    s.game.run.used = 0;
    s.game.run.budget = s.settings.total_seconds * Millis{1000};
    s.game.questions_played = 0;
    open_question(s, 0, now);
}

void open_question(State& s, int index, Millis now) {
    s.game.current = index;
    // On the per-question clock a question may bring its own time limit (the bank's `seconds`).
    s.game.limit = total_clock(s)
                       ? s.game.run.budget - s.game.run.used
                       : question_seconds(*s.game.plan[index].source, s.settings) * Millis{1000};
    if (s.game.limit <= 0) {
        finish(s, EndReason::time_up, now);
        return;
    }
    s.game.phase = RoomPhase::question;
    s.game.elapsed_before = 0;
    s.game.active_since = now;
    s.game.opened_at = now;
    s.game.answered = 0;
    s.game.pending = waiting_players(s);
    s.game.groups.clear();
    // An answer exactly at the end of the grace still counts; the question closes 1 ms later.
    s.game.phase_deadline = now + s.game.limit + s.deps.limits.answer_grace_ms + 1;
    s.progress_dirty = false;
    if (s.settings.kind == RoomKind::interview) {
        emit(s, Audience::players(), question_message(s, now));
        emit(s, Audience::host(), question_message(s, now, true));
    } else {
        emit(s, Audience::everyone(), question_message(s, now));
    }
}

void close_question(State& s, Millis now) {
    if (total_clock(s))
        s.game.run.used += std::min(question_elapsed(s, now), s.game.limit);
    s.game.phase_deadline.reset();
    s.progress_dirty = false;
    switch (s.settings.mode) {
        case AnswerMode::choice: {
            // Any of the question's correct choices is right (a question may have several).
            const auto& correct = s.game.plan[s.game.current].correct_choices;
            for (auto& m : s.members) {
                AnswerRecord* r = m.player && m.score.in_game ? &m.answer(s.game.current) : nullptr;
                if (r != nullptr && r->answered) {
                    const bool right =
                        std::find(correct.begin(), correct.end(), r->choice) != correct.end();
                    r->verdict = right ? Verdict::correct : Verdict::wrong;
                }
            }
            reveal_results(s, now);
            break;
        }
        case AnswerMode::judge:
            build_groups(s);
            if (s.game.groups.empty()) {
                reveal_results(s, now);
                break;
            }
            s.game.phase = RoomPhase::judging;
            emit(s, Audience::everyone(), QuestionClosed{s.game.current, s.game.answered});
            if (s.settings.judging_seconds > 0) {
                s.game.phase_deadline = now + s.settings.judging_seconds * Millis{1000};
            }
            emit(s, Audience::host(), judge_request_message(s));
            break;
        case AnswerMode::self: {
            s.game.phase = RoomPhase::grading;
            s.game.pending = 0;
            for (const auto& m : s.members) {
                const AnswerRecord* r = m.find_answer(s.game.current);
                if (m.player && m.active && m.connected && r != nullptr && r->answered) {
                    ++s.game.pending;
                }
            }
            // Grading gets the question's time, at least half a minute: reading the reference
            // takes time.
            const int seconds =
                total_clock(s) ? s.settings.seconds
                               : question_seconds(*s.game.plan[s.game.current].source, s.settings);
            s.game.phase_deadline = now + std::max(seconds, 30) * Millis{1000};
            send_reveal(s, true);
            if (s.game.pending == 0)
                finish_grading(s, now);
            break;
        }
    }
}

void finish_judging(State& s, Millis now) {
    apply_group_verdicts(s);
    reveal_results(s, now);
}

void finish_grading(State& s, Millis now) {
    reveal_results(s, now);
}

void advance(State& s, Millis now) {
    if (s.game.current + 1 < static_cast<int>(s.game.plan.size()) && !run_out_of_time(s)) {
        open_question(s, s.game.current + 1, now);
    } else {
        finish(s, run_out_of_time(s) ? EndReason::time_up : EndReason::completed, now);
    }
}

void finish(State& s, EndReason reason, Millis now) {
    if (s.game.phase == RoomPhase::finished)
        return;
    // Closed from the lobby (before a first game or after a rematch): no game was played, so
    // nobody is ranked and nothing is recorded.
    const bool played = s.game.phase != RoomPhase::lobby;
    s.game.phase = RoomPhase::finished;
    s.game.end_reason = reason;
    s.game.run.ended = now;
    s.game.phase_deadline.reset();
    s.game.paused = false;
    s.game.pending = 0;
    s.players_roster_dirty = false;  // the host's changes still go: its list stays true
    s.progress_dirty = false;
    rank_players(s);
    send_game_over(s);
    if (!played)
        return;
    GameFinished finished;
    finished.code = s.code;
    finished.round = s.round;
    finished.reason = reason;
    finished.questions_played = s.game.questions_played;
    finished.run_ms = total_clock(s) ? s.game.run.used : now - s.game.run.started;
    finished.standings = top_standings(s, static_cast<int>(s.game.final_order.size()));
    for (const MemberId id : s.game.final_order) {
        const Member& m = *s.find(id);
        finished.results.push_back(final_result_for(s, m));
        finished.identities.push_back(m.identity);
        finished.ratings.push_back(ratings_for(s, m));
        if (s.settings.kind == RoomKind::interview)
            finished.summaries.push_back(summary_for(s, m));
    }
    finished.clock_changed = s.game.clock_changed;
    finished.at = now;
    s.journal.emplace_back(std::move(finished));
    if (s.pair)
        pair_turn_over(s, reason, now);
}

void pause(State& s, PauseReason reason, Millis now) {
    // Stopping a question's clock is time to think that a run without a pause does not have.
    // Between questions (a reveal, self grading) the run's clock is not running anyway.
    if (s.game.phase == RoomPhase::question && !s.game.clock_changed) {
        s.game.clock_changed =
            reason == PauseReason::host ? NotCounted::paused : NotCounted::disconnected;
    }
    if (s.game.phase == RoomPhase::question)
        s.game.elapsed_before += std::max<Millis>(0, now - s.game.active_since);
    s.game.paused_phase_remaining.reset();
    if (s.game.phase_deadline)
        s.game.paused_phase_remaining = std::max<Millis>(0, *s.game.phase_deadline - now);
    s.game.phase_deadline.reset();
    s.game.paused = true;
    s.game.pause_reason = reason;
    const Millis remaining = s.game.phase == RoomPhase::question
                                 ? question_remaining(s, now)
                                 : s.game.paused_phase_remaining.value_or(0);
    emit(s, Audience::everyone(), Paused{reason, remaining});
}

void resume_clock(State& s, Millis now) {
    s.game.paused = false;
    if (s.game.phase == RoomPhase::question)
        s.game.active_since = now;
    if (s.game.paused_phase_remaining)
        s.game.phase_deadline = now + *s.game.paused_phase_remaining;
    s.game.paused_phase_remaining.reset();
    if (s.game.phase == RoomPhase::question) {
        emit(s, Audience::everyone(), Continued{question_deadline(s), question_remaining(s, now)});
    } else {
        emit(s, Audience::everyone(),
             Continued{s.game.phase_deadline.value_or(0),
                       s.game.phase_deadline ? *s.game.phase_deadline - now : 0});
    }
}

void extend(State& s, Millis extra, Millis now) {
    if (!s.game.clock_changed)
        s.game.clock_changed = NotCounted::extended;
    s.game.limit += extra;
    if (total_clock(s))
        s.game.run.budget += extra;
    if (s.game.phase_deadline)
        *s.game.phase_deadline += extra;
    if (s.game.paused_phase_remaining)
        *s.game.paused_phase_remaining += extra;
    const Millis remaining = question_remaining(s, now);
    emit(s, Audience::everyone(),
         TimeExtended{s.game.current, s.game.paused ? now + remaining : question_deadline(s),
                      remaining});
}

void skip(State& s, Millis now) {
    switch (s.game.phase) {
        case RoomPhase::question:
            close_question(s, now);
            break;
        case RoomPhase::judging:
            finish_judging(s, now);
            break;
        case RoomPhase::grading:
            finish_grading(s, now);
            break;
        case RoomPhase::reveal:
            advance(s, now);
            break;
        case RoomPhase::lobby:
        case RoomPhase::finished:
            break;
    }
}

void record_answer(State& s, Member& m, const protocol::Answer& answer, Millis now) {
    auto reject = [&](ErrorCode code, std::string message) {
        emit(s, Audience::to(m.id), AnswerRejected{answer.question, code, std::move(message)});
    };
    if (s.game.phase != RoomPhase::question) {
        if (s.game.current >= 0 && answer.question == s.game.current &&
            s.game.phase != RoomPhase::finished) {
            return reject(ErrorCode::too_late, "the time for this question is up");
        }
        return reject(ErrorCode::wrong_state, "no question is open");
    }
    if (answer.question != s.game.current) {
        return reject(ErrorCode::unknown_question,
                      "question " + std::to_string(answer.question) + " is not the open one");
    }
    if (s.game.paused)
        return reject(ErrorCode::wrong_state, "the game is paused");
    AnswerRecord& record = m.answer(s.game.current);
    if (record.answered) {
        return reject(ErrorCode::already_answered, "you have already answered this question");
    }
    const Millis elapsed = question_elapsed(s, now);
    if (elapsed > s.game.limit + s.deps.limits.answer_grace_ms) {
        return reject(ErrorCode::too_late, "the time for this question is up");
    }
    if (s.settings.mode == AnswerMode::choice) {
        const int choices = static_cast<int>(s.game.plan[s.game.current].choices.size());
        if (!answer.choice || answer.text) {
            return reject(ErrorCode::invalid_answer, "answer with a choice number");
        }
        if (*answer.choice < 0 || *answer.choice >= choices) {
            return reject(ErrorCode::invalid_answer,
                          "choice must be 0 to " + std::to_string(choices - 1));
        }
        record.choice = *answer.choice;
    } else {
        if (!answer.text || answer.choice) {
            return reject(ErrorCode::invalid_answer, "answer with text");
        }
        std::string text = trim(*answer.text);
        if (text.empty())
            return reject(ErrorCode::invalid_answer, "the answer is empty");
        record.text = std::move(text);
    }
    record.answered = true;
    record.elapsed = std::min(elapsed, s.game.limit);
    ++s.game.answered;
    if (m.connected)
        --s.game.pending;
    s.journal.emplace_back(AnswerRecorded{
        s.code, s.round, s.game.current, m.id, m.nickname, record.elapsed,
        record.choice >= 0 ? std::optional(record.choice) : std::nullopt, record.text, now});
    emit(s, Audience::to(m.id), AnswerAccepted{s.game.current, record.elapsed});
    mark_progress(s, now);
    if (s.game.pending <= 0)
        close_question(s, now);
}

void record_grade(State& s, Member& m, const protocol::Grade& grade, Millis now) {
    if (s.game.phase != RoomPhase::grading) {
        return send_error(s, m.id, ErrorCode::wrong_state, "nothing to grade now", Grade::type);
    }
    if (grade.question != s.game.current) {
        return send_error(s, m.id, ErrorCode::unknown_question,
                          "question " + std::to_string(grade.question) + " is not being graded",
                          Grade::type, "question");
    }
    AnswerRecord& record = m.answer(s.game.current);
    if (!record.answered) {
        return send_error(s, m.id, ErrorCode::wrong_state, "you did not answer this question",
                          Grade::type);
    }
    if (record.grade) {
        return send_error(s, m.id, ErrorCode::already_answered, "you have already graded this",
                          Grade::type);
    }
    record.grade = grade.grade;
    record.verdict = verdict_for_grade(grade.grade);
    if (m.connected)
        --s.game.pending;
    if (s.game.pending <= 0)
        finish_grading(s, now);
}

void record_verdict(State& s, const protocol::Judge& judge, Millis now) {
    JudgeGroup& group = s.game.groups[judge.group];
    if (!group.verdict)
        --s.game.unjudged;
    group.verdict = judge.verdict;
    group.comment = judge.comment;
    group.tips = judge.tips;
    emit(s, Audience::host(), Judged{s.game.current, judge.group, judge.verdict, s.game.unjudged});
    if (s.game.unjudged == 0)
        finish_judging(s, now);
}

void accept_suggestions(State& s, Millis now) {
    // Each group marked here is a mark like the host's own: the host gets its judged.
    for (std::size_t g = 0; g < s.game.groups.size(); ++g) {
        JudgeGroup& group = s.game.groups[g];
        if (group.verdict)
            continue;
        group.verdict = group.suggestion;
        --s.game.unjudged;
        emit(s, Audience::host(),
             Judged{s.game.current, static_cast<int>(g), group.suggestion, s.game.unjudged});
    }
    finish_judging(s, now);
}

void run_timers(State& s, Millis now) {
    expire_seats(s, now);
    if (s.host_gone_at && now >= *s.host_gone_at + s.deps.limits.resume_grace_ms &&
        s.game.phase != RoomPhase::finished) {
        finish(s, EndReason::host_gone, now);
    }
    run_pair_timers(s, now);
    // A phase whose time is up ends as if the host had skipped it. Each step sets its next
    // deadline in the future or clears it, so this ends.
    while (!s.game.paused && s.game.phase_deadline && now >= *s.game.phase_deadline) {
        if (s.game.phase == RoomPhase::lobby || s.game.phase == RoomPhase::finished) {
            s.game.phase_deadline.reset();
            break;
        }
        if (s.game.phase == RoomPhase::judging) {
            accept_suggestions(s, now);  // marks like the host's own: each one is reported
            continue;
        }
        skip(s, now);
    }
    flush_updates(s, now);
}

}  // namespace rapidfire::core::ops
