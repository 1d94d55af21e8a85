#include "open_rooms.hpp"

#include <algorithm>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/common/text.hpp"

namespace rapidfire::net {

namespace {

std::unordered_set<std::string> topics_of(const content::Bank& bank) {
    std::unordered_set<std::string> topics;
    for (const auto& question : bank.questions) {
        for (const auto& topic : question.topics)
            topics.insert(common::ascii_lower(topic));
    }
    return topics;
}

// Most players first: a room about to fill is where a newcomer finds a game soonest. The code
// breaks ties, so the order is the same for every reader.
bool listed_before(const core::RoomListing& a, const core::RoomListing& b) {
    if (a.players != b.players)
        return a.players > b.players;
    return a.code < b.code;
}

bool plays(const core::RoomListing& room, const std::string& topic) {
    return room.topics.empty() ||
           std::find(room.topics.begin(), room.topics.end(), topic) != room.topics.end();
}

}  // namespace

bool same_listing(const core::RoomListing& a, const core::RoomListing& b) {
    bool same = true;
    boost::mp11::mp_for_each<
        boost::describe::describe_members<core::RoomListing, boost::describe::mod_public>>(
        [&](auto member) { same = same && a.*member.pointer == b.*member.pointer; });
    return same;
}

OpenRooms::OpenRooms(const content::Bank& bank) : topics_(topics_of(bank)) {}

void OpenRooms::publish(const core::RoomListing& listing) {
    auto line = std::make_shared<const core::RoomListing>(listing);
    const std::lock_guard lock(mutex_);
    lines_[listing.code] = std::move(line);
    ++version_;
}

void OpenRooms::withdraw(const std::string& code) {
    const std::lock_guard lock(mutex_);
    if (lines_.erase(code) != 0)
        ++version_;
}

OpenRooms::Snapshot OpenRooms::snapshot(protocol::Millis now) {
    std::vector<std::shared_ptr<const core::RoomListing>> lines;
    std::uint64_t version = 0;
    {
        const std::lock_guard lock(mutex_);
        if (sorted_ && (now - as_of_ < refresh_ms || rebuilding_))
            return {sorted_, as_of_};
        if (sorted_ && sorted_version_ == version_) {
            // Nothing changed: the same list is the list as of now.
            as_of_ = std::max(as_of_, now);
            return {sorted_, as_of_};
        }
        // Under the lock only pointers are copied; the lines themselves are never changed.
        rebuilding_ = true;
        lines.reserve(lines_.size());
        for (const auto& [code, line] : lines_)
            lines.push_back(line);
        version = version_;
    }
    std::shared_ptr<std::vector<core::RoomListing>> rooms;
    try {
        rooms = std::make_shared<std::vector<core::RoomListing>>();
        rooms->reserve(lines.size());
        for (const auto& line : lines)
            rooms->push_back(*line);
        std::sort(rooms->begin(), rooms->end(), listed_before);
    } catch (...) {
        const std::lock_guard lock(mutex_);
        rebuilding_ = false;
        throw;
    }
    const std::lock_guard lock(mutex_);
    rebuilding_ = false;
    // Readers that found no snapshot may rebuild side by side: the newest one stays.
    if (!sorted_ || now >= as_of_) {
        sorted_ = std::move(rooms);
        as_of_ = now;
        sorted_version_ = version;
    }
    return {sorted_, as_of_};
}

std::variant<protocol::RoomList, protocol::Error> OpenRooms::list(
    std::optional<protocol::RoomKind> kind, std::optional<std::string> topic,
    protocol::Millis now) {
    if (topic) {
        // Topics are lower case, as a room's settings are.
        *topic = common::ascii_lower(*topic);
        if (topics_.count(*topic) == 0) {
            return protocol::make_error(protocol::ErrorCode::unknown_topic,
                                        "no question of the bank has the topic '" + *topic + "'",
                                        protocol::ListRooms::type, "topic");
        }
    }
    const Snapshot taken = snapshot(now);
    protocol::RoomList list;
    list.as_of = taken.as_of;
    for (const auto& room : *taken.rooms) {
        if ((kind && room.kind != *kind) || (topic && !plays(room, *topic)))
            continue;
        if (list.total < page_size)
            list.rooms.push_back(room);
        ++list.total;
    }
    return list;
}

}  // namespace rapidfire::net
