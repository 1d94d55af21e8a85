#include "server_context.hpp"

#include <chrono>
#include <stdexcept>

#include "tls_context.hpp"

namespace rapidfire::net {

namespace {

// The record is committed in batches this often.
constexpr std::chrono::milliseconds record_interval{100};

std::unique_ptr<store::Store> open_store(const ServerOptions& options) {
    if (!options.database.empty()) {
        if (!store::is_postgresql_url(options.database))
            throw std::invalid_argument("the database '" + options.database +
                                        "' is not a postgresql:// URL");
        return store::Store::open(options.database);
    }
    if (options.data_dir.empty())
        return nullptr;
    return std::make_unique<store::Store>(options.data_dir);
}

std::optional<PublicUrl> public_url_of(const ServerOptions& options) {
    if (options.public_url.empty())
        return std::nullopt;
    auto url = parse_public_url(options.public_url);
    if (!url)
        throw std::invalid_argument("public URL '" + options.public_url +
                                    "' is not http(s)://host[:port][/path]");
    return url;
}

core::MatchLimits match_limits(const ServerOptions& options) {
    core::MatchLimits limits;
    limits.max_tickets = options.max_match_queue;
    return limits;
}

}  // namespace

ServerContext::ServerContext(boost::asio::io_context& io, ServerOptions server_options,
                             std::shared_ptr<const content::Bank> bank_played,
                             RoomRegistry::CodeMaker make_code, RoomRegistry::RoomFactory make_room)
    : options(std::move(server_options)),
      tls(make_server_tls(options)),
      bank(std::move(bank_played)),
      bank_title(bank->title),
      strands(io, options.threads),
      rooms(std::move(make_code), std::move(make_room)),
      open_rooms(*bank),
      matches(std::make_shared<MatchLobby>(strands.next(), bank, match_limits(options), rooms,
                                           clock, *metrics)),
      store(open_store(options)),
      writer(store ? std::make_unique<store::StoreWriter>(*store, record_interval) : nullptr),
      web(WebFiles::load(options.web_dir.empty() ? bundled_web_dir() : options.web_dir)),
      public_url(public_url_of(options)) {}

ServerContext::~ServerContext() = default;

}  // namespace rapidfire::net
