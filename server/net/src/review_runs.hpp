#pragma once
// A review run's room starts from the runner's cards, which are in the record: they are read
// on the record writer's thread once everything already submitted is committed (so the run
// just finished counts), never on a strand; then the room is made like any other and its
// creator seated, or told why not.

#include <memory>

#include "rapidfire/core/learning.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::net {

class Connection;
struct ServerContext;

// What the registry makes a review run's room from: the request and the cards it reviews.
struct ReviewRun {
    protocol::CreateRoom request;
    core::learning::ReviewDeck deck;
};

// Creates `request`'s review room for `creator` (whose seat is asked for): seats them, or
// answers with the engine's refusal (no identity, no record, nothing due) or with
// review_unavailable while the record cannot be read.
void open_review_run(const std::shared_ptr<ServerContext>& context,
                     std::shared_ptr<Connection> creator, protocol::CreateRoom request);

}  // namespace rapidfire::net
