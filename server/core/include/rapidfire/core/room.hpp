#pragma once
// One room: lobby, rounds, timers, scoring, judging, reconnects. Plain C++, no sockets, no
// clocks of its own: every call carries the current time, so the rules are tested with numbers.
//
// Threading: a Room is not thread-safe; the shell touches each room from one strand only.
//
// Driving it: the shell calls the command functions as messages arrive, calls tick(now) when
// next_wakeup() is due, and after every call sends what take_outbox() returns.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/entropy.hpp"
#include "rapidfire/core/journal.hpp"
#include "rapidfire/core/learning.hpp"
#include "rapidfire/core/outgoing.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

using protocol::Millis;

// Server-wide rules that a room creator cannot change.
struct RoomLimits {
    int max_capacity = 500;            // the largest capacity a room may ask for
    Millis resume_grace_ms = 120'000;  // how long a dropped seat is kept
    Millis answer_grace_ms = 250;      // network allowance after a deadline
    Millis roster_interval_ms = 250;   // roster and progress updates are coalesced to this
    // Player counts go to every player at most this many times a second in all (so at most
    // 4 a second to each in a room of up to 1,000, less often in larger rooms): filling a room
    // costs the same few messages per player whatever its size.
    int player_roster_budget_per_s = 4000;
    int standings_top = 10;        // players listed in standings between questions
    int final_standings_top = 50;  // players listed in game_over
    int roster_list_part = 1000;   // players per host roster while a full list goes out
    // A matched pair (Room::create_pair): the pause between the two turns, and how long both
    // have to send feedback on each other once the second turn is over.
    Millis pair_break_ms = 15'000;
    Millis feedback_ms = 600'000;
};

struct RoomDeps {
    std::shared_ptr<const content::Bank> bank;
    // Tips: the interview rubric; the checklist: where a player's study list points each topic.
    std::shared_ptr<const content::StudyGuide> guide;
    RoomLimits limits;
    Entropy* entropy = nullptr;  // outlives the room
    // A review run: the creator's cards, read from the record before the room was made.
    std::optional<learning::ReviewDeck> review;
};

// Counts for health checks and metrics.
struct RoomStats {
    protocol::RoomPhase phase = protocol::RoomPhase::lobby;
    int players = 0;
    int connected = 0;

    bool operator==(const RoomStats&) const = default;
};

// The two people the matcher paired (matcher.hpp), for Room::create_pair.
struct PairSpec {
    struct Side {
        std::string nickname;                 // already checked by the matcher
        std::optional<std::string> identity;  // the secret as given, if any
    };
    Side interviewer;                 // interviews in the first turn
    Side candidate;                   // answers in the first turn
    std::vector<std::string> topics;  // the topics both asked for; empty: any
};

// The seats of a pair's room.
inline constexpr MemberId pair_interviewer = 1;  // interviews in the first turn
inline constexpr MemberId pair_candidate = 2;    // answers in the first turn

// A public room's line in the list of open rooms (protocol::OpenRoom), while in the lobby.
using RoomListing = protocol::OpenRoom;

// A seat given to a connection, or the reason it was refused.
using Seat = std::variant<MemberId, protocol::Error>;

class Room {
  public:
    // Creates a room with the given code. On success the creator holds the host seat (and in
    // solo also the only player seat); room_created has been queued for them.
    static std::variant<std::unique_ptr<Room>, protocol::Error> create(
        std::string code, const protocol::CreateRoom& request, RoomDeps deps);

    // Creates the private interview room of a matched pair (GAME.md "Finding a partner"): the
    // interviewer holds the host seat (member 1), the candidate the only player seat (member 2);
    // joined has been queued for both and the first turn has started. After it, the roles swap
    // by themselves for a second turn with questions not asked in the first; then both are
    // asked for feedback on each other.
    static std::variant<std::unique_ptr<Room>, protocol::Error> create_pair(std::string code,
                                                                            const PairSpec& pair,
                                                                            RoomDeps deps,
                                                                            Millis now);

    ~Room();
    Room(const Room&) = delete;
    Room& operator=(const Room&) = delete;

    const std::string& code() const;

    // Takes a player seat. Queues joined for the new player.
    Seat join(const protocol::Join& request, Millis now);
    // Takes back a dropped (or still connected: a second tab) seat by its resume token. Queues
    // joined with resumed=true and the current state (open question, judging, results). When
    // the seat was still connected elsewhere, the shell must detach that older connection.
    Seat resume(std::string_view token, Millis now);
    // Every other in-room message from a seated member: leave, host actions, answers,
    // verdicts, self grades, pings are not needed here (the shell answers those).
    void handle(MemberId from, const protocol::ClientMessage& message, Millis now);
    // The member's connection dropped: the seat is kept for the resume grace period.
    void disconnected(MemberId member, Millis now);

    // Runs every timer that is due at `now`.
    void tick(Millis now);
    // When tick() must next run, if any timer is pending.
    std::optional<Millis> next_wakeup() const;

    // Messages queued since the last call, in order.
    std::vector<Outgoing> take_outbox();
    // What happened since the last call, for the record (see journal.hpp).
    std::vector<JournalEntry> take_journal();

    // Whether `member` belongs to `audience`.
    bool in_audience(const Audience& audience, MemberId member) const;
    // Clears `members` and fills it with every member of `audience`, in member-id order, by
    // the rules of in_audience. O(members) for players and everyone; O(1) otherwise.
    void resolve(const Audience& audience, std::vector<MemberId>& members) const;

    // Who holds the host seat now: the creator, or after a rematch with swapped roles the
    // new interviewer.
    MemberId host() const;
    protocol::RoomKind kind() const;
    // The member's nickname; empty for an id that was never given out.
    std::string_view nickname(MemberId member) const;

    // The room has nothing left to do: finished or abandoned, and no seat can be resumed any
    // more. The shell then drops it.
    bool closed() const;

    RoomStats stats() const;

    // The room's line in the list of open rooms: present only while the room is public, in the
    // lobby, not locked and not full.
    std::optional<RoomListing> listing() const;

    struct State;  // opaque: defined in the core's sources

  private:
    explicit Room(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// The room code a resume token belongs to (tokens start with it), so the shell can route a
// resume without a global table.
std::string_view room_code_of_token(std::string_view token);

}  // namespace rapidfire::core
