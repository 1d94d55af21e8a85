#pragma once
// The client without sockets or terminals: server messages and typed lines go in; text to
// print, messages to send and the exit code come out. Everything the client decides is here,
// so it is tested by feeding messages.
//
// Input lines that arrive before they apply are queued: a player's line answers the next open
// question it has not answered (in self mode, after a reveal with grading, the next line is the
// grade); a host's judge line (c|p|w|a) marks the next group waiting; other host commands run
// at once.
//
// With `stay` (host and join), the client does not exit after a game: it stays in the room,
// where the host may `rematch` (another round with the same players, in the lobby) or anyone
// may leave. A rematch sends every member a fresh `joined`; with swapped roles the seat's role
// and host token change with it.

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/client/countdown.hpp"
#include "rapidfire/client/effects.hpp"
#include "rapidfire/client/options.hpp"
#include "rapidfire/client/presenter.hpp"
#include "rapidfire/client/round.hpp"
#include "rapidfire/content/bank.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

struct ClientConfig {
    Command command = Command::join;  // host, join or solo
    protocol::CreateRoom create;      // host and solo
    protocol::Join join;              // join
    protocol::MatchJoin match;        // match
    bool interactive = false;         // a person at a terminal: prompts for judge comments and tips
    bool fancy = false;               // people's layout rather than one line per event
    int columns = 80;                 // the terminal's width, which fancy output is wrapped to
    bool color = false;
    bool json = false;          // stdout carries the frames received, and nothing else
    bool save_summary = false;  // an interview's summary is to be saved (Effects::summary_markdown)
    std::shared_ptr<const content::StudyGuide> guide;  // tips between questions; may be null
    std::string client_name = "rapidfire-client";
    // The --url given, for the hint on how to get the results; empty: the default URL.
    std::string server_url;
    // host and join: after game over, stay in the room for a rematch (until `leave`).
    bool stay = false;
    // host and join: a seat held by an earlier run of this command (remembered_seats.hpp), asked
    // back first. Refused (the room or the seat is gone), a join asks for a new seat and a host
    // stops.
    std::optional<SeatToRemember> saved_seat;
};

class ClientState {
  public:
    explicit ClientState(ClientConfig config);

    // A text frame from the server; `now` is the local clock in milliseconds since the epoch.
    Effects on_frame(std::string_view frame, Millis now);
    Effects on_message(const protocol::ServerMessage& message, Millis now);
    // One line typed (or piped) by the user, without its newline.
    Effects on_line(std::string_view line, Millis now);
    // The connection dropped. Says whether it resumes (see can_resume()) or gives up.
    Effects on_disconnected();

    // A seat is held and the game is not over: a new connection should resume it.
    bool can_resume() const;
    // The room this client is in, or asks to join or take back; empty while it creates one.
    // Each connection names it, so a proxy in front of several servers finds the room's own.
    std::string room_code() const;
    // `match` before its room is found: a connection goes to the server that pairs players.
    bool looks_for_partner() const { return config_.command == Command::match && !matched_; }
    // game_over arrived; the last messages (final result, summaries) may still be coming.
    bool game_over() const { return phase_ == Phase::over; }
    // After game over this client stays in the room for a rematch: no wait-and-exit then.
    bool stays_after_game() const;
    bool finished() const { return finished_; }
    // What to tell someone who stops the client (Ctrl-C) while seated: what becomes of the seat
    // and how to come back. Empty when there is nothing to come back to.
    Lines on_interrupt() const;
    // Solo: the final result is in and personal_best may still follow (it comes only from a
    // server that keeps a record, so the wait for it is short).
    bool awaiting_personal_best() const;
    // The short wait for personal_best is over: finish without it.
    Effects stop_awaiting_personal_best();

    // Interactive terminals: keys that act at once when nothing has been typed yet (choice
    // numbers, grades, the judge's c/p/w/a); empty when typed lines are expected.
    std::string single_keys() const;
    // The live status shown under the output: the countdown bar, what the client waits for.
    // The bar is narrower on a narrow terminal.
    std::string status_line(Millis now, int columns = 80) const;

  private:
    enum class Phase { connecting, lobby, question, judging, grading, reveal, over };
    // The connection to the server.
    enum class Link {
        connecting,  // no welcome yet on the first connection
        open,        // welcome received; seated, or asking for the seat
        lost,        // dropped with a seat to resume; no welcome yet on the next connection
        resuming     // welcome received on the next connection, the resume not answered yet
    };

    void say(Effects& fx, const Lines& lines) const;
    void warn(Effects& fx, const Lines& lines) const;
    void notice(Effects& fx, const std::string& line) const;
    void finish(Effects& fx, int code);
    void maybe_finish(Effects& fx);
    void save_summaries(Effects& fx);
    void take_role(const protocol::Joined& m, Effects& fx);
    void start_rematch(const protocol::Joined& m, bool was_host, Effects& fx);
    std::string results_hint() const;
    // "rapidfire-client", with --url when it is not the default.
    std::string client_command() const;
    // The seat as it is now, to remember (host and join only).
    void remember_seat(Effects& fx);
    // How players join this room: the command with --url (when not the default) and
    // --password (when set).
    std::string join_command(const std::string& code,
                             const std::optional<std::string>& password) const;
    // What `help` prints: this seat's commands, and how to answer or judge from here.
    Lines help() const;

    void on_seated(Effects& fx, Millis now);
    void run_command(const std::string& line, Effects& fx);
    bool game_running() const;
    // Whether `word` (end, leave) waits for a confirmation first; if so, asks for it.
    bool asks_first(const std::string& word, bool forced, Effects& fx);
    void drain_answers(Effects& fx);
    void drain_judge_lines(Effects& fx);
    void apply_judge_line(const std::string& line, bool typed_now, Effects& fx);
    void mark_group(std::vector<std::string> tips, Effects& fx);
    void prompt_next_group(Effects& fx);
    bool is_host() const { return role_ == protocol::Role::host; }
    bool is_player() const { return role_ == protocol::Role::player; }
    bool connected() const { return link_ == Link::open || link_ == Link::resuming; }
    bool resuming() const { return link_ == Link::lost || link_ == Link::resuming; }
    bool can_answer() const;
    bool awaiting_grade() const;
    bool judging_pending() const;
    // The judge's status: how long until the groups left get their suggested marks.
    std::string suggestions_countdown(Millis now) const;
    std::optional<protocol::PlayerId> find_player(const std::string& nickname) const;

    void handle(const protocol::Welcome& m, Effects& fx, Millis now);
    void handle(const protocol::RoomCreated& m, Effects& fx, Millis now);
    void handle(const protocol::Joined& m, Effects& fx, Millis now);
    void handle(const protocol::Roster& m, Effects& fx, Millis now);
    void handle(const protocol::Question& m, Effects& fx, Millis now);
    void handle(const protocol::AnswerAccepted& m, Effects& fx, Millis now);
    void handle(const protocol::AnswerRejected& m, Effects& fx, Millis now);
    void handle(const protocol::AnswerProgress& m, Effects& fx, Millis now);
    void handle(const protocol::QuestionClosed& m, Effects& fx, Millis now);
    void handle(const protocol::JudgeRequest& m, Effects& fx, Millis now);
    void handle(const protocol::Judged& m, Effects& fx, Millis now);
    void handle(const protocol::Reveal& m, Effects& fx, Millis now);
    void handle(const protocol::Result& m, Effects& fx, Millis now);
    void handle(const protocol::Standings& m, Effects& fx, Millis now);
    void handle(const protocol::StandingsPage& m, Effects& fx, Millis now);
    void handle(const protocol::Paused& m, Effects& fx, Millis now);
    void handle(const protocol::Continued& m, Effects& fx, Millis now);
    void handle(const protocol::TimeExtended& m, Effects& fx, Millis now);
    void handle(const protocol::HostStatus& m, Effects& fx, Millis now);
    void handle(const protocol::GameOver& m, Effects& fx, Millis now);
    void handle(const protocol::FinalResult& m, Effects& fx, Millis now);
    void handle(const protocol::PersonalBest& m, Effects& fx, Millis now);
    void handle(const protocol::Summary& m, Effects& fx, Millis now);
    void handle(const protocol::Kicked& m, Effects& fx, Millis now);
    void handle(const protocol::Left& m, Effects& fx, Millis now);
    void handle(const protocol::Error& m, Effects& fx, Millis now);
    void handle(const protocol::Pong& m, Effects& fx, Millis now);
    void handle(const protocol::RoomList& m, Effects& fx, Millis now);
    void handle(const protocol::MatchStatus& m, Effects& fx, Millis now);
    void handle(const protocol::MatchProposed& m, Effects& fx, Millis now);
    void handle(const protocol::MatchFound& m, Effects& fx, Millis now);
    void handle(const protocol::MatchLeft& m, Effects& fx, Millis now);
    void handle(const protocol::FeedbackRequest& m, Effects& fx, Millis now);
    void handle(const protocol::FeedbackSaved& m, Effects& fx, Millis now);
    void handle(const protocol::PairEnded& m, Effects& fx, Millis now);
    void handle(const protocol::PartnerFeedback& m, Effects& fx, Millis now);
    // The feedback form takes the next line (ratings, went well, work on); false when no form
    // is open.
    bool take_feedback_line(const std::string& line, Effects& fx);

    ClientConfig config_;
    Presenter presenter_;
    // The seat's role: the host runs a quiz or an interview (and does not answer), a player
    // answers (join, solo).
    protocol::Role role_ = protocol::Role::player;

    // The seat.
    Phase phase_ = Phase::connecting;
    Link link_ = Link::connecting;
    bool seated_ = false;
    bool finished_ = false;
    bool restoring_ = false;                    // asking back config_.saved_seat, not answered yet
    std::optional<SeatToRemember> remembered_;  // the seat last kept, forgotten at the end
    protocol::RoomKind kind_ = protocol::RoomKind::quiz;
    std::optional<protocol::AnswerMode> mode_;  // the round's answer mode, once seated
    std::string code_;
    std::string host_token_;
    std::string resume_token_;
    std::optional<protocol::PlayerId> me_;
    std::vector<protocol::PlayerInfo> roster_;
    int roster_count_ = 0;
    int roster_connected_ = 0;
    std::string last_roster_line_;
    Countdown countdown_;

    // This round (game): the question, the answer, the judging, the end. A rematch starts anew.
    Round round_;

    // Queued input.
    std::deque<std::string> early_lines_;   // typed before the seat was given
    std::deque<std::string> answer_lines_;  // a player's answers and grades, in order
    std::deque<std::string> judge_lines_;   // a host's marks, in order
    // A command (end, leave) waiting for its confirmation, at a terminal mid-game.
    std::optional<std::string> confirming_;

    // Every summary received, every round's (a rematch adds to them); some not saved yet.
    std::string summaries_markdown_;
    bool summaries_unsaved_ = false;

    // match: the queue, then the pair's two turns and the feedback.
    bool matched_ = false;  // match_found came: the pair's room holds this client's seat
    std::string partner_;
    int turns_over_ = 0;
    struct FeedbackForm {
        protocol::FeedbackRequest request;
        int step = 0;  // 0: ratings, 1: went well, 2: work on, 3: sent
        protocol::Feedback feedback;
    };
    std::optional<FeedbackForm> feedback_;

    // Rematch.
    bool rematch_sent_ = false;    // a rematch was sent and not answered yet
    bool swap_requested_ = false;  // ... with swap_roles
};

}  // namespace rapidfire::client
