#pragma once
// The rapidfire game server: HTTP health and metrics endpoints and the WebSocket game protocol
// on one port. Networking stays behind this interface, so including it is cheap.

#include <cstdint>
#include <memory>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/net/server_options.hpp"

namespace rapidfire::net {

class Server {
  public:
    Server(ServerOptions options, std::shared_ptr<const content::Bank> bank,
           std::shared_ptr<const content::StudyGuide> guide);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the listening socket and starts accepting; returns the bound port (useful with
    // port 0). Throws std::system_error when the address cannot be bound.
    std::uint16_t listen();

    // Serves until a graceful shutdown completes, on options.threads threads (the caller's
    // included).
    void run();

    // Asks for a graceful shutdown, from any thread: stop accepting, close every client with
    // 1012 "service restart" after its queued messages, and return from run() within 5 s.
    void stop();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rapidfire::net
