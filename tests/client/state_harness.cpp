#include "state_harness.hpp"

#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::client::testing {

ClientConfig host_config(RoomKind kind, AnswerMode mode) {
    ClientConfig config;
    config.command = Command::host;
    config.create.kind = kind;
    config.create.nickname = "Quizmaster";
    config.create.settings.mode = mode;
    config.create.settings.questions = 3;
    return config;
}

ClientConfig player_config() {
    ClientConfig config;
    config.command = Command::join;
    config.join.code = "ABC234";
    config.join.nickname = "alice";
    return config;
}

ClientConfig solo_config(AnswerMode mode) {
    ClientConfig config;
    config.command = Command::solo;
    config.create.kind = RoomKind::solo;
    config.create.nickname = "me";
    config.create.settings.mode = mode;
    return config;
}

std::shared_ptr<const content::StudyGuide> small_guide() {
    auto guide = std::make_shared<content::StudyGuide>();
    guide->title = "Guide";
    guide->tips = {{"structure", "Structure Your Answers", "Definition, intuition, detail."},
                   {"think-aloud", "Think Out Loud", "Say how you reason."},
                   {"honesty", "Admit What You Do Not Know", "Do not make things up."}};
    return guide;
}

Question make_question(int index, int total, AnswerMode mode, Millis server_time, Millis seconds) {
    Question q;
    q.question = index;
    q.total = total;
    q.id = "q" + std::to_string(index);
    q.text = "Question number " + std::to_string(index + 1) + "?";
    q.topics = {"evaluation"};
    q.mode = mode;
    if (mode == AnswerMode::choice)
        q.choices = {"alpha", "beta", "gamma", "delta"};
    q.time_limit_ms = seconds * 1000;
    q.opened_at = server_time;
    q.deadline = server_time + seconds * 1000;
    q.server_time = server_time;
    q.remaining_ms = seconds * 1000;
    return q;
}

Effects StateHarness::keep(Effects fx) {
    for (const auto& line : fx.lines)
        (line.error ? err : out).push_back(line.text);
    sent.insert(sent.end(), fx.send.begin(), fx.send.end());
    if (fx.exit_code)
        exit_code = fx.exit_code;
    if (fx.summary_markdown)
        summary = fx.summary_markdown;
    return fx;
}

Effects StateHarness::feed(const ServerMessage& message) {
    return keep(state.on_frame(encode(message), now));
}

Effects StateHarness::type(const std::string& line) {
    return keep(state.on_line(line, now));
}

Effects StateHarness::drop() {
    return keep(state.on_disconnected());
}

Effects StateHarness::welcome() {
    return feed(Welcome{protocol_version, "rapidfire/test", 16384, now});
}

Joined player_joined(const std::string& code, const std::string& token) {
    Joined joined;
    joined.code = code;
    joined.player = 7;
    joined.nickname = "alice";
    joined.resume_token = token.empty() ? code + ".resume" : token;
    joined.host = "Quizmaster";
    return joined;
}

void StateHarness::seat(const std::string& code) {
    welcome();
    const bool join = !sent.empty() && std::holds_alternative<Join>(sent.back());
    if (join) {
        feed(player_joined(code));
    } else {
        RoomCreated created;
        created.code = code;
        created.host_token = "host-token";
        created.resume_token = code + ".resume";
        const auto& request = std::get<CreateRoom>(sent.back());
        created.kind = request.kind;
        created.settings = request.settings;
        if (request.kind == RoomKind::solo)
            created.player = 1;
        feed(created);
    }
}

void StateHarness::seat_candidate() {
    welcome();
    Joined joined;
    joined.code = "ABC234";
    joined.player = 7;
    joined.nickname = "cand";
    joined.resume_token = "ABC234.resume";
    joined.kind = RoomKind::interview;
    joined.host = "Iris";
    feed(joined);
}

bool StateHarness::printed(const std::string& text) const {
    for (const auto& line : out) {
        if (line.find(text) != std::string::npos)
            return true;
    }
    return false;
}

bool StateHarness::warned(const std::string& text) const {
    for (const auto& line : err) {
        if (line.find(text) != std::string::npos)
            return true;
    }
    return false;
}

std::string StateHarness::transcript() const {
    std::string text;
    for (const auto& line : out)
        text += line + "\n";
    return text;
}

}  // namespace rapidfire::client::testing
