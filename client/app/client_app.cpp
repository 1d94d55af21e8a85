#include "client_app.hpp"

#include <unistd.h>
#include <algorithm>
#include <cctype>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "rapidfire/client/backoff.hpp"
#include "rapidfire/client/client_state.hpp"
#include "rapidfire/client/line_editor.hpp"
#include "rapidfire/client/remembered_rooms.hpp"
#include "rapidfire/client/remembered_seats.hpp"
#include "rapidfire/common/ws_url.hpp"
#include "rapidfire/content/loader.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "stdin_reader.hpp"
#include "terminal.hpp"
#include "websocket_client.hpp"

namespace rapidfire::client {

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

constexpr auto redraw_interval = 100ms;  // the countdown is redrawn ~10 times a second
constexpr auto end_grace = 3s;           // after game_over, the last messages have this long
constexpr auto close_grace = 1s;         // a polite close gets this long
// personal_best follows final_result once the run is in the record, when the server keeps one
// (its writer commits within a fraction of a second), and never when it does not: a solo run
// waits this long for it.
constexpr auto personal_best_grace = 2s;

Millis wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Characters a terminal shows for `text`: ANSI sequences take no room; UTF-8 continuation
// bytes are part of the character before.
std::size_t visible_length(const std::string& text) {
    std::size_t length = 0;
    bool escape = false;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (escape) {
            if (c >= 0x40 && c <= 0x7E && c != '[')
                escape = false;
            continue;
        }
        if (c == 0x1B) {
            escape = true;
        } else if ((c & 0xC0) != 0x80) {
            ++length;
        }
    }
    return length;
}

std::shared_ptr<const content::StudyGuide> load_guide() {
    try {
        return std::make_shared<const content::StudyGuide>(
            content::load_study_guide(content::bundled_guide_path()));
    } catch (const std::exception&) {
        return nullptr;  // tips between interview questions are a nicety
    }
}

class App {
  public:
    App(const Options& options, WsUrl url, std::shared_ptr<ClientTls> tls,
        std::optional<SeatToRemember> saved_seat)
        : options_(options),
          url_(std::move(url)),
          tls_(std::move(tls)),
          redraw_timer_(io_),
          reconnect_timer_(io_),
          end_timer_(io_),
          best_timer_(io_),
          signals_(io_, SIGINT, SIGTERM, SIGHUP),
          // A person at a terminal: keys as typed, the live countdown, the roomy layout.
          // Otherwise (a pipe or a file on either side, or --json) one line per event.
          interactive_(terminal::stdin_is_terminal() && terminal::stdout_is_terminal() &&
                       !options.global.json),
          live_(interactive_),
          state_(make_config(options, interactive_, live_, std::move(saved_seat))),
          style_(live_ && terminal::colors_wanted(options.global.no_color)) {}

    int run() {
        signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
            if (ec)
                return;
            erase_live();
            terminal::restore();
            // The seat stays remembered: the connection goes without a goodbye, so the server
            // holds the seat for its grace.
            for (const auto& line : state_.on_interrupt())
                print({true, line});
            exit_code_ = 128 + signal;
            if (ws_)
                ws_->detach();
            io_.stop();
        });
        if (interactive_)
            raw_ = std::make_unique<terminal::RawMode>();
        reader_ = std::make_unique<StdinReader>(
            interactive_ ? StdinReader::Unit::bytes : StdinReader::Unit::lines,
            [this](std::string data, bool eof) {
                asio::post(io_, [this, data = std::move(data), eof]() mutable {
                    on_input(std::move(data), eof);
                });
            });
        connect();
        if (live_)
            tick();
        io_.run();
        reader_.reset();
        erase_live();
        raw_.reset();
        std::cout.flush();
        return exit_code_.value_or(1);
    }

  private:
    static ClientConfig make_config(const Options& options, bool interactive, bool live,
                                    std::optional<SeatToRemember> saved_seat) {
        ClientConfig config;
        config.command = options.command;
        config.create = options.create;
        config.join = options.join;
        config.match = options.match;
        config.interactive = interactive;
        config.fancy = live;
        config.columns = terminal::columns();
        config.color = live && terminal::colors_wanted(options.global.no_color);
        config.json = options.global.json;
        config.save_summary = !options.global.summary_file.empty();
        config.guide = load_guide();
        config.server_url = options.global.url;
        config.stay = options.stay;
        config.saved_seat = std::move(saved_seat);
        return config;
    }

    void connect() {
        WebSocketClient::Handlers handlers;
        handlers.opened = [this] { reconnecting_ = false; };
        handlers.frame = [this](std::string frame) {
            ever_connected_ = true;
            apply(state_.on_frame(frame, wall_clock_ms()));
        };
        handlers.closed = [this](std::string why) { on_closed(why); };
        ws_ = WebSocketClient::connect(io_, url_for_room(), tls_, std::move(handlers));
    }

    // The --url with the room named in its query (/ws?room=CODE), so that behind a proxy every
    // connection of a join or resume reaches the room's server, or, looking for a partner,
    // /ws?match=1: the one server that pairs players. A lone server ignores both.
    WsUrl url_for_room() const {
        const std::string code = state_.room_code();
        const char* separator = url_.target.find('?') == std::string::npos ? "?" : "&";
        if (code.empty() && state_.looks_for_partner()) {
            WsUrl url = url_;
            url.target += separator + std::string("match=1");
            return url;
        }
        const bool plain = std::all_of(code.begin(), code.end(),
                                       [](unsigned char c) { return std::isalnum(c) != 0; });
        if (code.empty() || !plain)  // a code that is no code is refused by the server anyway
            return url_;
        WsUrl url = url_;
        url.target += separator + std::string("room=") + code;
        return url;
    }

    void on_closed(const std::string& why) {
        ws_.reset();
        if (exit_code_) {
            io_.stop();
            return;
        }
        if (!ever_connected_) {
            print({true, "cannot connect to " + options_.global.url + ": " + why});
            // The server serves the game at /ws only: a URL without it is the likely mistake.
            if (const auto url = common::parse_ws_url(options_.global.url);
                url && url->target != "/ws") {
                print({true, "the server's WebSocket path is /ws: try --url " +
                                 common::server_of(*url) + "/ws"});
            }
            return exit_with(1);
        }
        if (!reconnecting_) {
            Effects fx = state_.on_disconnected();
            apply(std::move(fx));
            if (exit_code_)
                return;
            reconnecting_ = true;
            backoff_.start(wall_clock_ms());
        }
        const auto delay = backoff_.next(wall_clock_ms());
        if (!delay) {
            print({true, "could not resume: " + why});
            return exit_with(1);
        }
        reconnect_timer_.expires_after(std::chrono::milliseconds(*delay));
        reconnect_timer_.async_wait([this](const boost::system::error_code& ec) {
            if (!ec && !exit_code_)
                connect();
        });
    }

    void apply(Effects fx) {
        for (const auto& line : fx.lines)
            print(line);
        for (const auto& message : fx.send) {
            if (ws_)
                ws_->send(protocol::encode(message));
        }
        if (fx.summary_markdown)
            save_summary(*fx.summary_markdown);
        if (fx.remember)
            remember(*fx.remember);
        if (fx.seat)
            keep_seat(*fx.seat);
        if (fx.forget_seat)
            drop_seat(*fx.forget_seat);
        if (fx.exit_code)
            return exit_with(*fx.exit_code);
        if (state_.awaiting_personal_best() && !best_timer_armed_) {
            best_timer_armed_ = true;
            best_timer_.expires_after(personal_best_grace);
            best_timer_.async_wait([this](const boost::system::error_code& ec) {
                if (!ec && !exit_code_)
                    apply(state_.stop_awaiting_personal_best());
            });
        }
        if (state_.game_over() && !state_.stays_after_game() && !end_timer_armed_) {
            // Whatever still comes after game_over comes at once; do not wait forever for it.
            // (With --stay the client stays in the room for a rematch until `leave`.)
            end_timer_armed_ = true;
            end_timer_.expires_after(end_grace);
            end_timer_.async_wait([this](const boost::system::error_code& ec) {
                if (!ec && !exit_code_)
                    exit_with(0);
            });
        }
        redraw();
    }

    void save_summary(const std::string& markdown) {
        const std::string& path = options_.global.summary_file;
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file << markdown;
        file.close();
        if (!file) {
            print({true, "cannot write the summary to " + path});
        } else {
            print({options_.global.json, "summary saved to " + path});
        }
    }

    // Keeps the room's host token for `history` and `export`. Not being able to is no reason
    // to stop the game: say so, with the token, so the host can keep it by hand.
    void remember(const RoomToRemember& room) {
        const auto file = remembered_rooms_file();
        try {
            remember_room(file, {utc_timestamp(), room.code, room.host_token, server_of(url_)});
        } catch (const std::exception& e) {
            print({true, "cannot remember the host token of room " + room.code + " (" + e.what() +
                             "); to get the results later use --token " + room.host_token});
        }
    }

    // The seat to come back to after Ctrl-C. Not being able to keep it costs only that.
    void keep_seat(const SeatToRemember& seat) {
        try {
            remember_seat(remembered_seats_file(),
                          {utc_timestamp(), server_of(url_), seat.code, seat.role, ::getpid(),
                           seat.resume_token, seat.nickname});
        } catch (const std::exception& e) {
            if (!seat_warned_)
                print({true, "cannot keep the seat to come back to (" + std::string(e.what()) +
                                 "); after Ctrl-C it is lost"});
            seat_warned_ = true;
        }
    }

    void drop_seat(const SeatToRemember& seat) {
        try {
            forget_seat(remembered_seats_file(), server_of(url_), seat.code, seat.resume_token);
        } catch (const std::exception&) {
            // A seat left behind is refused by the server next time and then forgotten.
        }
    }

    void exit_with(int code) {
        if (exit_code_)
            return;
        exit_code_ = code;
        erase_live();
        live_ = false;
        redraw_timer_.cancel();
        reconnect_timer_.cancel();
        best_timer_.cancel();
        if (!ws_) {
            io_.stop();
            return;
        }
        ws_->close();
        end_timer_.cancel();
        end_timer_.expires_after(close_grace);
        end_timer_.async_wait([this](const boost::system::error_code& ec) {
            if (ec)
                return;
            if (ws_)
                ws_->detach();
            io_.stop();
        });
    }

    void on_input(std::string data, bool eof) {
        if (eof || exit_code_)
            return;  // the end of stdin does not end the game
        if (!interactive_) {
            apply(state_.on_line(data, wall_clock_ms()));
            return;
        }
        for (const char c : data) {
            if (exit_code_)
                return;
            const std::string keys = state_.single_keys();
            if (editor_.empty() && keys.find(c) != std::string::npos) {
                print({false, style_.dim("> " + std::string(1, c))});
                apply(state_.on_line(std::string(1, c), wall_clock_ms()));
                continue;
            }
            if (auto line = editor_.feed(c)) {
                print({false, style_.dim("> " + *line)});
                apply(state_.on_line(*line, wall_clock_ms()));
            }
        }
        redraw();
    }

    void print(const OutputLine& line) {
        erase_live();
        (line.error ? std::cerr : std::cout) << line.text << '\n';
        (line.error ? std::cerr : std::cout).flush();
    }

    void erase_live() {
        if (!live_drawn_)
            return;
        std::cout << "\r\x1b[K" << std::flush;
        live_drawn_ = false;
    }

    void redraw() {
        if (!live_ || exit_code_)
            return;
        const int width = terminal::columns();
        std::string status = state_.status_line(wall_clock_ms(), width);
        const std::size_t columns = static_cast<std::size_t>(width);
        if (visible_length(status) + 12 > columns)
            status.clear();  // keep it to one row
        std::string input = editor_.buffer();
        const std::size_t room = columns - 1 - visible_length(status) - 4;
        while (visible_length(input) > room && !input.empty())
            input.erase(0, 1);
        std::cout << "\r\x1b[K" << status << (status.empty() ? "" : "  ") << "> " << input
                  << std::flush;
        live_drawn_ = true;
    }

    void tick() {
        redraw();
        redraw_timer_.expires_after(redraw_interval);
        redraw_timer_.async_wait([this](const boost::system::error_code& ec) {
            if (!ec && live_)
                tick();
        });
    }

    Options options_;
    WsUrl url_;
    std::shared_ptr<ClientTls> tls_;  // wss:// only
    asio::io_context io_;
    asio::steady_timer redraw_timer_;
    asio::steady_timer reconnect_timer_;
    asio::steady_timer end_timer_;
    asio::steady_timer best_timer_;
    asio::signal_set signals_;
    bool interactive_;
    bool live_;
    ClientState state_;
    Style style_;
    LineEditor editor_;
    Backoff backoff_;
    std::shared_ptr<WebSocketClient> ws_;
    std::unique_ptr<terminal::RawMode> raw_;
    std::unique_ptr<StdinReader> reader_;
    std::optional<int> exit_code_;
    bool ever_connected_ = false;
    bool reconnecting_ = false;
    bool end_timer_armed_ = false;
    bool best_timer_armed_ = false;
    bool live_drawn_ = false;
    bool seat_warned_ = false;
};

// The seat an earlier run of this command holds: for join, in the same room under the same
// nickname; for host, the one --resume names.
std::optional<SeatToRemember> saved_seat_for(const Options& options,
                                             const std::vector<RememberedSeat>& seats,
                                             const std::string& server) {
    std::optional<RememberedSeat> seat;
    if (options.command == Command::join) {
        seat = find_player_seat(seats, server, options.join.code, options.join.nickname);
    } else if (options.command == Command::host && !options.resume_code.empty()) {
        seat = find_host_seat(seats, server, options.resume_code);
    }
    if (!seat || held_by_running_client(*seat))
        return std::nullopt;
    return SeatToRemember{seat->code, seat->role, seat->token, seat->nickname};
}

}  // namespace

int run_online(const Options& options) {
    const auto url = common::parse_ws_url(options.global.url);
    if (!url) {
        std::cerr << "rapidfire-client: --url must look like ws://HOST:PORT/ws or "
                     "wss://HOST:PORT/ws\n";
        return 1;
    }
    std::shared_ptr<ClientTls> tls;
    if (url->tls) {
        try {
            tls = make_client_tls(options.global.ca_file);
        } catch (const std::exception& e) {
            std::cerr << "rapidfire-client: " << e.what() << "\n";
            return 1;
        }
    }
    std::vector<RememberedSeat> seats;
    try {
        seats = read_remembered_seats(remembered_seats_file());
    } catch (const std::exception&) {
        // A file that cannot be read holds no seat.
    }
    auto saved_seat = saved_seat_for(options, seats, server_of(*url));
    if (options.command == Command::host && options.resume_code.empty()) {
        // A new room is what was asked for; a room left behind may be what was meant.
        if (const auto held = latest_host_seat(seats, server_of(*url))) {
            std::cerr << "rapidfire-client: you were hosting room " << held->code << " (since "
                      << held->time << "); to take it back: host --resume " << held->code << "\n";
        }
    }
    if (options.command == Command::host && !options.resume_code.empty() && !saved_seat) {
        std::cerr << "rapidfire-client: no host seat in room " << options.resume_code
                  << " is remembered for " << server_of(*url)
                  << " (a room is remembered from the host command that created it, until its "
                     "game is over)\n";
        return 1;
    }
    App app(options, *url, std::move(tls), std::move(saved_seat));
    return app.run();
}

}  // namespace rapidfire::client
