#pragma once
// The public rooms waiting in their lobby, for list_rooms and GET /api/rooms. Each room
// publishes its line from its strand when the line changes and withdraws it when it goes;
// readers get a page of a sorted snapshot rebuilt at most once a second, so a burst of readers
// costs one sort a second, not one each. One mutex guards the lines and the snapshot; the sort
// and the filtering run outside it.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/room.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::net {

class OpenRooms {
  public:
    static constexpr int page_size = 50;                  // rooms in one answer at most
    static constexpr protocol::Millis refresh_ms = 1000;  // the oldest a snapshot is read at

    // A topic filter must name a topic that some question of `bank` has.
    explicit OpenRooms(const content::Bank& bank);

    // Adds or replaces the room's line (by its code).
    void publish(const core::RoomListing& listing);
    void withdraw(const std::string& code);

    // The rooms of this kind (any: every kind) whose topics include `topic` or that play every
    // topic, most players first, then by code: the first page_size of them, how many match in
    // all, and when the snapshot they come from was taken. An unknown topic: unknown_topic.
    std::variant<protocol::RoomList, protocol::Error> list(std::optional<protocol::RoomKind> kind,
                                                           std::optional<std::string> topic,
                                                           protocol::Millis now);

  private:
    using Sorted = std::shared_ptr<const std::vector<core::RoomListing>>;
    struct Snapshot {
        Sorted rooms;
        protocol::Millis as_of = 0;
    };
    // The current snapshot, rebuilt first when it is older than refresh_ms and the lines have
    // changed since; while one reader rebuilds it, the others read the one before.
    Snapshot snapshot(protocol::Millis now);

    const std::unordered_set<std::string> topics_;  // the bank's, lower case

    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const core::RoomListing>> lines_;
    std::uint64_t version_ = 0;  // bumped by every publish and withdraw
    Sorted sorted_;              // null until the first reader
    protocol::Millis as_of_ = 0;
    std::uint64_t sorted_version_ = 0;
    bool rebuilding_ = false;
};

// Whether two lines say the same, member by member (a member added to OpenRoom is compared
// too): a room publishes only a line that changed.
bool same_listing(const core::RoomListing& a, const core::RoomListing& b);

}  // namespace rapidfire::net
