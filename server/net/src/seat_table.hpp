#pragma once
// The connections holding a room's seats, by member id. Member ids are dense (1, 2, 3, ... in
// joining order, see core::Room), so a vector indexed by id makes a broadcast to 10,000 seats
// a sequential walk, in the same order as the room's members, instead of a chase through hash
// nodes.

#include <cstdint>
#include <memory>
#include <vector>

#include "connection.hpp"
#include "frame.hpp"
#include "rapidfire/core/outgoing.hpp"

namespace rapidfire::net {

class SeatTable {
  public:
    struct Holder {
        std::weak_ptr<Connection> connection;
        std::uint64_t connection_id = 0;  // 0: nobody holds the seat
        FrameBatch pending;               // frames not yet handed to the connection
    };

    // The holder of `member`'s seat, or null when nobody holds it.
    Holder* find(core::MemberId member) {
        const auto index = static_cast<std::size_t>(member - 1);
        if (member < 1 || index >= holders_.size() || holders_[index].connection_id == 0)
            return nullptr;
        return &holders_[index];
    }

    // The slot for `member`'s seat, created empty if need be.
    Holder& slot(core::MemberId member) {
        const auto index = static_cast<std::size_t>(member - 1);
        if (index >= holders_.size())
            holders_.resize(index + 1);
        return holders_[index];
    }

    void release(core::MemberId member) {
        if (Holder* holder = find(member))
            *holder = Holder{};
    }

    // Calls f(member, holder) for every held seat, in member order.
    template <class F>
    void for_each(F&& f) {
        for (std::size_t i = 0; i < holders_.size(); ++i) {
            if (holders_[i].connection_id != 0)
                f(static_cast<core::MemberId>(i + 1), holders_[i]);
        }
    }

    void clear() { holders_.clear(); }

  private:
    std::vector<Holder> holders_;  // member n at n - 1
};

}  // namespace rapidfire::net
