// What members see: message builders, rankings, summaries, snapshots, coalesced updates.

#include <algorithm>
#include <span>

#include "rapidfire/core/answer_matching.hpp"
#include "rapidfire/core/study_list.hpp"
#include "room_ops.hpp"

namespace rapidfire::core::ops {

using namespace protocol;

void emit(State& s, Audience to, ServerMessage message, bool unbind) {
    s.outbox.push_back(Outgoing{to, std::move(message), unbind});
}

void send_error(State& s, MemberId to, ErrorCode code, std::string message,
                std::string_view request, std::string field) {
    emit(s, Audience::to(to), make_error(code, std::move(message), request, field));
}

protocol::Joined joined_message(const State& s, const Member& m, bool resumed) {
    protocol::Joined j;
    j.code = s.code;
    j.role = m.host ? Role::host : Role::player;
    if (m.player)
        j.player = m.id;
    j.nickname = m.nickname;
    j.resume_token = m.token;
    if (m.host && resumed)
        j.host_token = s.host_token;
    j.kind = s.settings.kind;
    j.phase = s.game.phase;
    j.settings = s.settings.to_wire();
    if (const Member* host = s.find(s.host_id))
        j.host = host->nickname;
    j.resumed = resumed;
    j.points = m.score.points;
    return j;
}

Millis question_elapsed(const State& s, Millis now) {
    return s.game.elapsed_before +
           (s.game.paused ? 0 : std::max<Millis>(0, now - s.game.active_since));
}

Millis question_deadline(const State& s) {
    return s.game.active_since + (s.game.limit - s.game.elapsed_before);
}

Millis question_remaining(const State& s, Millis now) {
    return std::max<Millis>(0, s.game.limit - question_elapsed(s, now));
}

protocol::Question question_message(const State& s, Millis now, bool to_interviewer) {
    const PlannedQuestion& planned = s.game.plan[s.game.current];
    protocol::Question q;
    q.question = s.game.current;
    q.total = static_cast<int>(s.game.plan.size());
    q.id = planned.source->id;
    q.text = planned.source->text;
    q.topics = planned.source->topics;
    q.mode = s.settings.mode;
    q.choices = planned.choices;
    q.time_limit_ms = s.game.limit;
    q.opened_at = s.game.opened_at;
    q.server_time = now;
    q.remaining_ms = question_remaining(s, now);
    q.deadline = s.game.paused ? now + q.remaining_ms : question_deadline(s);
    q.paused = s.game.paused;
    // The interviewer reads the reference while the candidate answers; a quiz host's screen
    // may be on a projector, so it never gets it.
    if (to_interviewer && s.settings.kind == RoomKind::interview)
        q.reference = planned.source->answer;
    return q;
}

void rank_players(State& s) {
    std::vector<Member*> players;
    for (auto& m : s.members) {
        if (m.player && m.score.in_game)
            players.push_back(&m);
    }
    std::sort(players.begin(), players.end(), [](const Member* a, const Member* b) {
        if (a->score.points != b->score.points)
            return a->score.points > b->score.points;
        if (a->score.time_ms != b->score.time_ms)
            return a->score.time_ms < b->score.time_ms;
        return a->join_order < b->join_order;
    });
    s.game.final_order.clear();
    int rank = 0;
    for (Member* m : players) {
        m->score.rank = ++rank;
        s.game.final_order.push_back(m->id);
    }
}

std::vector<Standing> top_standings(const State& s, int limit) {
    std::vector<Standing> top;
    for (const MemberId id : s.game.final_order) {
        if (static_cast<int>(top.size()) >= limit)
            break;
        const Member* m = s.find(id);
        top.push_back(Standing{m->score.rank, m->id, m->nickname, m->score.points, m->score.correct,
                               m->score.time_ms});
    }
    return top;
}

StandingsPage standings_page(const State& s, int offset, int limit) {
    StandingsPage page;
    page.questions = s.game.questions_played;
    page.offset = offset;
    const auto& order = s.game.final_order;
    page.count = static_cast<int>(order.size());
    const auto first = std::min(order.size(), static_cast<std::size_t>(offset));
    const auto last = std::min(order.size(), first + static_cast<std::size_t>(limit));
    for (auto i = first; i < last; ++i) {
        const Member* m = s.find(order[i]);
        page.standings.push_back(Standing{m->score.rank, m->id, m->nickname, m->score.points,
                                          m->score.correct, m->score.time_ms});
    }
    return page;
}

namespace {

// What `m` missed in the game, by topic, pointed to the study guide's checklist.
std::vector<StudyTopic> study_for(const State& s, const Member& m) {
    const auto played = static_cast<std::size_t>(std::max(0, s.game.questions_played));
    const std::span<const PlannedQuestion> questions(s.game.plan.data(),
                                                     std::min(s.game.plan.size(), played));
    std::vector<std::optional<Verdict>> marks(questions.size());
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const AnswerRecord* record = m.find_answer(static_cast<int>(i));
        if (record != nullptr && record->answered)
            marks[i] = record->verdict;
    }
    static const std::vector<content::ChecklistItem> no_checklist;
    return study_list(questions, marks, s.deps.guide ? s.deps.guide->checklist : no_checklist);
}

}  // namespace

protocol::Summary summary_for(const State& s, const Member& candidate) {
    protocol::Summary summary;
    summary.player = candidate.id;
    summary.nickname = candidate.nickname;
    if (const Member* host = s.find(s.host_id))
        summary.interviewer = host->nickname;
    summary.points = candidate.score.points;
    summary.rank = candidate.score.rank;
    summary.correct = candidate.score.correct;
    summary.partial = candidate.score.partial;
    summary.wrong = candidate.score.wrong;
    summary.time_ms = candidate.score.time_ms;

    std::vector<std::string> shown;
    for (int i = 0; i < s.game.questions_played; ++i) {
        const auto& question = *s.game.plan[i].source;
        SummaryItem item;
        item.question = i;
        item.text = question.text;
        item.topics = question.topics;
        item.reference = question.answer;
        const AnswerRecord* record = candidate.find_answer(i);
        if (record != nullptr && record->answered) {
            item.answer = record->text.empty() && record->choice >= 0
                              ? s.game.plan[i].choices[record->choice]
                              : record->text;
            item.verdict = record->verdict;
            item.comment = record->comment;
            item.tips = record->tips;
            item.time_ms = record->elapsed;
            item.points = record->points;
            for (const auto& tip : record->tips) {
                if (std::find(shown.begin(), shown.end(), tip) == shown.end()) {
                    shown.push_back(tip);
                }
            }
        } else {
            ++summary.unanswered;
        }
        summary.items.push_back(std::move(item));
    }
    summary.misses_by_topic = topic_misses(study_for(s, candidate));
    // Tips in the guide's order, so the summary reads the same way every time.
    if (s.deps.guide) {
        for (const auto& tip : s.deps.guide->tips) {
            if (std::find(shown.begin(), shown.end(), tip.id) != shown.end()) {
                summary.tips_shown.push_back(tip.id);
            } else {
                summary.tips_missed.push_back(tip.id);
            }
        }
    }
    return summary;
}

namespace {

protocol::Reveal reveal_message(const State& s, bool grading) {
    const PlannedQuestion& planned = s.game.plan[s.game.current];
    protocol::Reveal reveal;
    reveal.question = s.game.current;
    reveal.reference = planned.source->answer;
    if (s.settings.mode == AnswerMode::choice) {
        reveal.correct_choice = planned.correct_choices.front();  // for clients before several
        reveal.correct_choices = planned.correct_choices;
        reveal.choice_counts.assign(planned.choices.size(), 0);
        for (const auto& m : s.members) {
            const AnswerRecord* r = m.find_answer(s.game.current);
            if (r != nullptr && r->answered && r->choice >= 0)
                ++reveal.choice_counts[r->choice];
        }
    }
    reveal.grading = grading;
    if (!grading && s.game.phase_deadline && !s.game.paused)
        reveal.next_at = s.game.phase_deadline;
    if (!planned.source->feedback.empty())
        reveal.feedback = planned.source->feedback;
    return reveal;
}

protocol::Result result_message(const State& s, const Member& m) {
    protocol::Result result;
    result.question = s.game.current;
    if (const AnswerRecord* r = m.find_answer(s.game.current); r != nullptr && r->answered) {
        result.verdict = r->verdict;
        result.grade = r->grade;
        result.points = r->points;
        result.comment = r->comment;
    }
    if (const AnswerRecord* r = m.find_answer(s.game.current); r != nullptr && r->reviewed) {
        result.next_review = r->reviewed->due;
        result.review_days = r->reviewed->scheduled_days;
    }
    result.total = m.score.points;
    result.streak = m.score.streak;
    result.rank = m.score.rank;
    return result;
}

}  // namespace

protocol::FinalResult final_result_for(const State& s, const Member& m) {
    protocol::FinalResult f;
    f.rank = m.score.rank;
    f.count = static_cast<int>(s.game.final_order.size());
    f.points = m.score.points;
    f.correct = m.score.correct;
    f.partial = m.score.partial;
    f.wrong = m.score.wrong;
    f.unanswered = s.game.questions_played - m.score.correct - m.score.partial - m.score.wrong;
    f.time_ms = m.score.time_ms;
    f.run_ms = s.settings.clock == ClockMode::total ? s.game.run.used
                                                    : s.game.run.ended - s.game.run.started;
    if (auto study = study_for(s, m); !study.empty())
        f.study = std::move(study);
    return f;
}

namespace {

// The counts every roster carries. They come from the room's counters, so a player's roster
// costs O(1) however full the room.
protocol::Roster roster_counts(const State& s) {
    protocol::Roster roster;
    roster.locked = s.locked;
    const Member* host = s.find(s.host_id);
    const bool host_plays = host != nullptr && host->active && host->player;
    roster.count = s.active_players - (host_plays ? 1 : 0);
    roster.connected =
        s.connected_members - (host != nullptr && host->active && host->connected ? 1 : 0);
    return roster;
}

bool listed(const Member& m) {
    return m.active && m.player && !m.host;
}

// The host's roster: the changes since the last one, and the next part of a full list being
// sent (at most roster_list_part players of it per roster, so a host taking back the seat of a
// big room is not sent one huge message).
protocol::Roster host_roster_message(State& s, bool full) {
    protocol::Roster roster = roster_counts(s);
    roster.full = full;
    if (auto& from = s.listing_from) {
        const auto limit = static_cast<std::size_t>(s.deps.limits.roster_list_part);
        std::size_t added = 0;
        while (*from < s.members.size() && added < limit) {
            const Member& m = s.members[(*from)++];
            if (listed(m) && !m.roster_pending) {  // the pending go with the changes below
                roster.players.push_back(PlayerInfo{m.id, m.nickname, m.connected});
                ++added;
            }
        }
        if (*from < s.members.size())
            s.host_roster_dirty = true;  // the next part goes with the next roster
        else
            from.reset();
    }
    for (const MemberId id : s.roster_changed) {
        Member& m = *s.find(id);
        m.roster_pending = false;
        if (listed(m))
            roster.players.push_back(PlayerInfo{m.id, m.nickname, m.connected});
    }
    s.roster_changed.clear();
    roster.removed.swap(s.roster_removed);
    return roster;
}

}  // namespace

JudgeRequest judge_request_message(const State& s) {
    const auto& question = *s.game.plan[s.game.current].source;
    JudgeRequest request;
    request.question = s.game.current;
    request.text = question.text;
    request.reference = question.answer;
    request.key_terms = key_terms_for(question);
    for (std::size_t g = 0; g < s.game.groups.size(); ++g) {
        const auto& group = s.game.groups[g];
        if (group.verdict)
            continue;  // already marked
        AnswerGroup wire;
        wire.group = static_cast<int>(g);
        wire.answer = group.display;
        wire.count = static_cast<int>(group.members.size());
        for (const MemberId id : group.members)
            wire.players.push_back(s.find(id)->nickname);
        wire.suggestion = group.suggestion;
        wire.overlap = group.overlap;
        request.groups.push_back(std::move(wire));
    }
    if (s.settings.kind == RoomKind::interview && s.deps.guide) {
        for (const auto& tip : s.deps.guide->tips)
            request.tips.push_back(tip.id);
    }
    if (s.game.phase_deadline && !s.game.paused)
        request.deadline = s.game.phase_deadline;
    return request;
}

void send_reveal(State& s, bool grading) {
    emit(s, Audience::everyone(), reveal_message(s, grading));
}

void send_results(State& s) {
    for (const auto& m : s.members) {
        if (m.player && m.active && m.connected) {
            emit(s, Audience::to(m.id), result_message(s, m));
        }
    }
    if (s.settings.show_leaderboard) {
        emit(s, Audience::everyone(),
             Standings{s.game.current, static_cast<int>(s.game.final_order.size()),
                       top_standings(s, s.deps.limits.standings_top)});
    }
}

void send_game_over(State& s) {
    emit(s, Audience::everyone(),
         GameOver{s.game.end_reason, s.game.questions_played,
                  static_cast<int>(s.game.final_order.size()),
                  top_standings(s, s.deps.limits.final_standings_top)});
    for (const MemberId id : s.game.final_order) {
        const Member& m = *s.find(id);
        if (m.active && m.connected)
            emit(s, Audience::to(id), final_result_for(s, m));
        if (s.settings.kind == RoomKind::interview) {
            auto summary = summary_for(s, m);
            if (m.active && m.connected)
                emit(s, Audience::to(id), summary);
            emit(s, Audience::host(), std::move(summary));
        }
    }
}

void send_snapshot(State& s, Member& m, Millis now) {
    if (m.host)
        send_host_list(s);
    switch (s.game.phase) {
        case RoomPhase::lobby:
            if (!m.host)
                emit(s, Audience::to(m.id), roster_counts(s));
            break;
        case RoomPhase::question: {
            emit(s, Audience::to(m.id), question_message(s, now, m.host));
            const AnswerRecord* r = m.find_answer(s.game.current);
            if (r != nullptr && r->answered) {
                emit(s, Audience::to(m.id), AnswerAccepted{s.game.current, r->elapsed});
            }
            break;
        }
        case RoomPhase::judging:
            if (m.host)
                emit(s, Audience::to(m.id), judge_request_message(s));
            break;
        case RoomPhase::grading:
            emit(s, Audience::to(m.id), reveal_message(s, true));
            break;
        case RoomPhase::reveal:
            emit(s, Audience::to(m.id), reveal_message(s, false));
            if (m.player)
                emit(s, Audience::to(m.id), result_message(s, m));
            break;
        case RoomPhase::finished:
            emit(s, Audience::to(m.id),
                 GameOver{s.game.end_reason, s.game.questions_played,
                          static_cast<int>(s.game.final_order.size()),
                          top_standings(s, s.deps.limits.final_standings_top)});
            if (m.player)
                emit(s, Audience::to(m.id), final_result_for(s, m));
            if (s.settings.kind == RoomKind::interview) {
                for (const MemberId id : s.game.final_order) {
                    if (m.host || id == m.id)
                        emit(s, Audience::to(m.id), summary_for(s, *s.find(id)));
                }
            }
            send_feedback_snapshot(s, m);
            break;
    }
    if (s.game.paused && running(s)) {
        const Millis remaining = s.game.phase == RoomPhase::question
                                     ? question_remaining(s, now)
                                     : s.game.paused_phase_remaining.value_or(0);
        emit(s, Audience::to(m.id), Paused{s.game.pause_reason, remaining});
    }
}

void send_host_list(State& s) {
    s.roster_removed.clear();  // the new list has none of them
    s.listing_from = 0;
    emit(s, Audience::host(), host_roster_message(s, true));
}

void mark_roster(State& s, Millis now) {
    s.host_roster_dirty = true;
    s.players_roster_dirty = true;
    flush_updates(s, now);
}

void roster_changed(State& s, Member& m, Millis now) {
    if (!m.roster_pending) {
        m.roster_pending = true;
        s.roster_changed.push_back(m.id);
    }
    mark_roster(s, now);
}

void roster_removed(State& s, Member& m, Millis now) {
    if (m.player && !m.host)
        s.roster_removed.push_back(m.id);
    mark_roster(s, now);
}

Millis players_roster_interval(const State& s) {
    const Millis base = s.deps.limits.roster_interval_ms;
    const int budget = std::max(1, s.deps.limits.player_roster_budget_per_s);
    return std::max(base, Millis{s.active_players} * 1000 / budget);
}

void mark_progress(State& s, Millis now) {
    s.progress_dirty = true;
    flush_updates(s, now);
}

void flush_updates(State& s, Millis now) {
    const Millis interval = s.deps.limits.roster_interval_ms;
    if (s.host_roster_dirty && (!s.last_host_roster || now >= *s.last_host_roster + interval)) {
        s.host_roster_dirty = false;
        s.last_host_roster = now;
        emit(s, Audience::host(), host_roster_message(s, false));
    }
    if (s.players_roster_dirty &&
        (!s.last_players_roster || now >= *s.last_players_roster + players_roster_interval(s))) {
        s.players_roster_dirty = false;
        s.last_players_roster = now;
        emit(s, Audience::players(), roster_counts(s));
    }
    if (s.progress_dirty && (!s.last_progress || now >= *s.last_progress + interval)) {
        s.progress_dirty = false;
        s.last_progress = now;
        if (s.game.phase == RoomPhase::question) {
            emit(s, Audience::host(),
                 AnswerProgress{s.game.current, s.game.answered, s.game.answered + s.game.pending});
        }
    }
}

}  // namespace rapidfire::core::ops
