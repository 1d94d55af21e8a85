#include "tcp_proxy.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

namespace rapidfire::e2e {

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

struct Pair {
    int client;
    int server;
};

}  // namespace

TcpProxy::TcpProxy(int target_port) : target_port_(target_port) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    if (listener_ < 0 ||
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 16) != 0 || ::pipe2(wake_, O_CLOEXEC) != 0) {
        throw std::runtime_error("proxy: cannot listen");
    }
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { run(); });
}

TcpProxy::~TcpProxy() {
    stop_ = true;
    const char byte = 's';
    (void)!::write(wake_[1], &byte, 1);
    thread_.join();
    for (const int fd : {listener_, wake_[0], wake_[1]})
        ::close(fd);
}

void TcpProxy::cut() {
    cut_ = true;
    const char byte = 'c';
    (void)!::write(wake_[1], &byte, 1);
}

void TcpProxy::run() {
    std::vector<Pair> pairs;
    auto close_all = [&] {
        for (const auto& p : pairs) {
            ::shutdown(p.client, SHUT_RDWR);
            ::close(p.client);
            ::close(p.server);
        }
        pairs.clear();
    };
    while (!stop_) {
        std::vector<pollfd> fds{{listener_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        for (const auto& p : pairs) {
            fds.push_back({p.client, POLLIN, 0});
            fds.push_back({p.server, POLLIN, 0});
        }
        if (::poll(fds.data(), fds.size(), 1000) <= 0)
            continue;
        if (fds[1].revents != 0) {
            char drain[16];
            (void)!::read(wake_[0], drain, sizeof drain);
            if (cut_.exchange(false)) {
                close_all();
                continue;
            }
        }
        std::vector<std::size_t> dead;
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            for (const int side : {0, 1}) {
                const pollfd& fd = fds[2 + 2 * i + static_cast<std::size_t>(side)];
                if (fd.revents == 0)
                    continue;
                char buffer[16384];
                const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
                const int to = side == 0 ? pairs[i].server : pairs[i].client;
                if (n <= 0 || ::send(to, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n) {
                    dead.push_back(i);
                    break;
                }
            }
        }
        for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
            ::close(pairs[*it].client);
            ::close(pairs[*it].server);
            pairs.erase(pairs.begin() + static_cast<std::ptrdiff_t>(*it));
        }
        if (fds[0].revents != 0) {
            const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue;
            const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in target = loopback(target_port_);
            if (::connect(server, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
                ::close(client);
                ::close(server);
                continue;
            }
            ++accepted_;
            pairs.push_back({client, server});
        }
    }
    close_all();
}

}  // namespace rapidfire::e2e
