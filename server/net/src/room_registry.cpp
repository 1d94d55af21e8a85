#include "room_registry.hpp"

#include <algorithm>
#include <vector>

#include <spdlog/spdlog.h>

#include "hosted_room.hpp"
#include "server_context.hpp"
#include "strand_source.hpp"

namespace rapidfire::net {

namespace {

std::string normalize_code(std::string_view code) {
    std::string normalized(code);
    std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return normalized;
}

}  // namespace

RoomRegistry::RoomRegistry(const StrandSource& strands) : strands_(strands) {}
RoomRegistry::~RoomRegistry() = default;

std::variant<std::shared_ptr<HostedRoom>, protocol::Error> RoomRegistry::create(
    const protocol::CreateRoom& request, const std::shared_ptr<Connection>& creator,
    const std::shared_ptr<ServerContext>& context) {
    core::RoomDeps deps;
    deps.bank = context->bank;
    deps.guide = context->guide;
    deps.limits.max_capacity = context->options.max_room_capacity;
    deps.limits.resume_grace_ms = context->options.resume_grace.count() * protocol::Millis{1000};
    deps.entropy = &context->entropy;

    std::shared_ptr<HostedRoom> hosted;
    {
        std::lock_guard lock(mutex_);
        std::string code;
        do {
            code = core::make_room_code(context->entropy);
        } while (rooms_.count(code) != 0);
        auto created = core::Room::create(code, request, std::move(deps), context->clock.now());
        if (auto* error = std::get_if<protocol::Error>(&created))
            return std::move(*error);
        hosted =
            std::make_shared<HostedRoom>(strands_.next(), std::get<0>(std::move(created)), context);
        rooms_.emplace(std::move(code), hosted);
    }
    hosted->seat_creator(creator, request.nickname);
    return hosted;
}

std::shared_ptr<HostedRoom> RoomRegistry::find(std::string_view code) const {
    const std::string key = normalize_code(code);
    std::lock_guard lock(mutex_);
    const auto it = rooms_.find(key);
    return it == rooms_.end() ? nullptr : it->second;
}

void RoomRegistry::remove(const HostedRoom& room) {
    std::lock_guard lock(mutex_);
    const auto it = rooms_.find(room.code());
    if (it != rooms_.end() && it->second.get() == &room)
        rooms_.erase(it);
}

void RoomRegistry::clear() {
    decltype(rooms_) rooms;
    {
        std::lock_guard lock(mutex_);
        rooms.swap(rooms_);
    }
    // Destroyed here, outside the lock.
}

RoomCounts RoomRegistry::counts() const {
    RoomCounts counts;
    std::lock_guard lock(mutex_);
    for (const auto& [code, room] : rooms_) {
        const auto phase = static_cast<std::size_t>(room->phase());
        if (phase < counts.rooms_by_phase.size())
            ++counts.rooms_by_phase[phase];
        ++counts.rooms;
        counts.players += room->players();
        counts.players_connected += room->players_connected();
    }
    return counts;
}

}  // namespace rapidfire::net
