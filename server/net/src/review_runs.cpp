#include "review_runs.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include "connection.hpp"
#include "frame.hpp"
#include "hosted_room.hpp"
#include "rapidfire/core/identity.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "server_context.hpp"

namespace rapidfire::net {

namespace {

// Makes the room for `order` and seats its creator, or tells them why not.
void create_for(ServerContext& context, const std::shared_ptr<Connection>& creator,
                const RoomRegistry::RoomOrder& order) {
    auto created = context.rooms.create(order);
    if (auto* error = std::get_if<protocol::Error>(&created)) {
        context.metrics->messages_sent(1);
        creator->seat_refused(make_frame(protocol::encode(*error)));
        return;
    }
    std::get<std::shared_ptr<HostedRoom>>(created)->seat_creator(creator);
}

}  // namespace

void open_review_run(const std::shared_ptr<ServerContext>& context,
                     std::shared_ptr<Connection> creator, protocol::CreateRoom request) {
    // Without a record or an identity there are no cards to read: the engine says which.
    if (!context->writer || !request.identity || !protocol::is_valid_identity(*request.identity))
        return create_for(*context, creator, request);
    const std::string digest = core::identity_digest(*request.identity);
    context->writer->after_commit([weak = std::weak_ptr<ServerContext>(context),
                                   creator = std::move(creator), request = std::move(request),
                                   digest](store::Store& store) mutable {
        const auto context = weak.lock();
        if (!context)
            return;
        std::vector<core::learning::StoredCard> cards;
        try {
            cards = store.cards(digest, context->bank_title);
        } catch (const store::StoreError& e) {
            spdlog::warn("review: the runner's cards could not be read: {}", e.what());
            context->metrics->messages_sent(1);
            creator->seat_refused(make_frame(protocol::encode(protocol::make_error(
                protocol::ErrorCode::review_unavailable,
                "the record of your answers cannot be read now: try again shortly",
                protocol::CreateRoom::type))));
            return;
        }
        // The room is made off the writer's thread, on a strand like any other work.
        boost::asio::post(context->strands.next(), [context, creator = std::move(creator),
                                                    request = std::move(request),
                                                    cards = std::move(cards)]() mutable {
            ReviewRun run{std::move(request), {std::move(cards), context->clock.now()}};
            create_for(*context, creator, RoomRegistry::RoomOrder(std::move(run)));
        });
    });
}

}  // namespace rapidfire::net
