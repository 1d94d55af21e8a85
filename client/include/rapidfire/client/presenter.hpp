#pragma once
// Server messages as text. Plain output is one line per event with a stable first word, for
// scripts; fancy output (an interactive terminal) is laid out for people and may be coloured,
// and its long lines are wrapped between words to the terminal's width, a choice's text
// continuing under its first word.

#include <optional>
#include <string>
#include <vector>

#include "rapidfire/client/style.hpp"
#include "rapidfire/content/bank.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

using Lines = std::vector<std::string>;

class Presenter {
  public:
    // `width`: the terminal's columns, which fancy lines are wrapped to (0: not wrapped).
    Presenter(Style style, bool fancy, int width = 80)
        : style_(style), fancy_(fancy), width_(width) {}

    const Style& style() const { return style_; }
    bool fancy() const { return fancy_; }
    int width() const { return width_; }

    // `join_command`: how players join, for the host's screen.
    Lines room_created(const protocol::RoomCreated& created, const std::string& join_command) const;
    Lines joined(const protocol::Joined& joined) const;
    // A rematch took the room back to the lobby: the fresh `joined`. `role_changed`: the roles
    // were swapped and this seat changed sides.
    Lines rematch(const protocol::Joined& joined, bool role_changed) const;
    // The counts from `roster`; to the host, also `players`: the list it keeps from the changes.
    Lines roster(const protocol::Roster& roster, const std::vector<protocol::PlayerInfo>& players,
                 bool host) const;
    Lines question(const protocol::Question& question) const;
    Lines accepted(const protocol::AnswerAccepted& accepted) const;
    Lines rejected(const protocol::AnswerRejected& rejected) const;
    Lines progress(const protocol::AnswerProgress& progress) const;
    Lines question_closed(const protocol::QuestionClosed& closed) const;
    Lines judge_request(const protocol::JudgeRequest& request) const;
    // The group the judge marks next: `index` of `count` still to mark in this request.
    Lines judge_prompt(const protocol::AnswerGroup& group, int index, int count) const;
    Lines judge_tips(const std::vector<std::string>& tips, const content::StudyGuide* guide) const;
    Lines judged(const protocol::Judged& judged) const;
    // `question` is the one being revealed, when known (for its choices and numbering).
    Lines reveal(const protocol::Reveal& reveal, const protocol::Question* question,
                 bool will_grade) const;
    Lines result(const protocol::Result& result) const;
    Lines standings(const protocol::Standings& standings,
                    std::optional<protocol::PlayerId> me) const;
    // The host's page of everyone's standings (list_standings).
    Lines standings_page(const protocol::StandingsPage& page) const;
    Lines paused(const protocol::Paused& paused) const;
    Lines continued(const protocol::Continued& continued) const;
    Lines extended(const protocol::TimeExtended& extended) const;
    // `game_over`: the game has ended, so what is at stake is a rematch, not the game.
    Lines host_status(const protocol::HostStatus& status, bool game_over) const;
    Lines game_over(const protocol::GameOver& over, std::optional<protocol::PlayerId> me) const;
    Lines final_result(const protocol::FinalResult& result) const;
    // What the player missed (final_result.study): the checklist areas involved on one line, then
    // each topic with its questions and the checklist area that covers it. Nothing when empty.
    Lines study(const std::vector<protocol::StudyTopic>& study) const;
    Lines personal_best(const protocol::PersonalBest& best) const;
    Lines summary(const std::string& markdown) const;
    // After a game, to a client that stays in the room: what may come next.
    Lines after_game(bool host, protocol::RoomKind kind) const;
    Lines tip(const content::Tip& tip) const;
    Lines kicked(const protocol::Kicked& kicked) const;
    Lines error(const protocol::Error& error) const;

  private:
    // Fancy lines wrapped to the width, each continuing under its own indent.
    Lines fitted(Lines lines) const;
    // Adds `text` wrapped to the width (when fancy), its continuation lines `hang` spaces in.
    void put(Lines& lines, const std::string& text, std::size_t hang) const;

    Style style_;
    bool fancy_;
    int width_;
};

// "alice, bob"
std::string join_names(const std::vector<std::string>& names);

// A study list's topic for people: the topic, or "without a topic" for "".
std::string study_topic_name(const std::string& topic);
// The checklist areas a study list points to, each once, in the list's order.
std::vector<std::string> study_areas(const std::vector<protocol::StudyTopic>& study);

}  // namespace rapidfire::client
