#include "room_registry.hpp"

#include <algorithm>

#include "hosted_room.hpp"

namespace rapidfire::net {

namespace {

std::string normalize_code(std::string_view code) {
    std::string normalized(code);
    std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return normalized;
}

}  // namespace

RoomRegistry::RoomRegistry(CodeMaker make_code, RoomFactory make_room)
    : make_code_(std::move(make_code)), make_room_(std::move(make_room)) {}

RoomRegistry::~RoomRegistry() = default;

RoomRegistry::Created RoomRegistry::create(const RoomOrder& request) {
    std::lock_guard lock(mutex_);
    std::string code;
    do {
        code = make_code_();
    } while (rooms_.count(code) != 0);
    auto created = make_room_(code, request);
    if (const auto* room = std::get_if<std::shared_ptr<HostedRoom>>(&created))
        rooms_.emplace(std::move(code), *room);
    return created;
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

}  // namespace rapidfire::net
