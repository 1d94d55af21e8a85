#pragma once
// A loopback TCP proxy that can cut every connection through it, so a test can drop a client's
// connection without touching the client or the server.

#include <atomic>
#include <thread>

namespace rapidfire::e2e {

class TcpProxy {
  public:
    // Listens on 127.0.0.1 (a free port) and forwards to 127.0.0.1:`target_port`.
    explicit TcpProxy(int target_port);
    ~TcpProxy();
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    int port() const { return port_; }
    // Closes the connections open now; later ones are forwarded as usual.
    void cut();
    // Connections accepted so far.
    int accepted() const { return accepted_.load(); }

  private:
    void run();

    int target_port_;
    int listener_ = -1;
    int port_ = 0;
    int wake_[2] = {-1, -1};
    std::atomic<bool> stop_{false};
    std::atomic<bool> cut_{false};
    std::atomic<int> accepted_{0};
    std::thread thread_;
};

}  // namespace rapidfire::e2e
