#include "room_harness.hpp"

#include <algorithm>

namespace rapidfire::core::testing {

std::shared_ptr<content::Bank> make_test_bank() {
    auto bank = std::make_shared<content::Bank>();
    bank->title = "Test bank";
    bank->questions = {
        {"q1",
         {"evaluation"},
         "What is recall?",
         "The share of actual positives found.",
         {"actual positives", "share"}},
        {"q2",
         {"regularization"},
         "Name a way to prevent overfitting.",
         "Dropout, early stopping or weight decay.",
         {"dropout", "early stopping", "weight decay"}},
        {"q3",
         {"evaluation"},
         "What is precision?",
         "The share of positive predictions that are right.",
         {}},
        {"q4",
         {"optimization"},
         "What does the learning rate control?",
         "The step size of updates.",
         {}},
        {"q5", {"regularization"}, "What does L1 produce?", "Sparse weights.", {}},
        {"q6", {"optimization"}, "What is gradient clipping?", "Capping gradient norms.", {}},
    };
    return bank;
}

std::shared_ptr<content::StudyGuide> make_test_guide() {
    auto guide = std::make_shared<content::StudyGuide>();
    guide->tips = {{"structure", "Structure Your Answers", "..."},
                   {"tradeoffs", "Acknowledge Tradeoffs", "..."},
                   {"honesty", "Admit What You Do Not Know", "..."}};
    return guide;
}

RoomHarness::RoomHarness(RoomLimits limits) : limits_(limits) {}

std::optional<protocol::Error> RoomHarness::try_create(RoomKind kind, RoundSettings settings) {
    RoomDeps deps{bank_, guide_, limits_, entropy_.get(), review};
    auto created = Room::create("ABCDEF", CreateRoom{kind, "Host", std::move(settings), identity},
                                std::move(deps));
    if (auto* error = std::get_if<protocol::Error>(&created))
        return *error;
    room_ = std::move(std::get<std::unique_ptr<Room>>(created));
    max_member_ = 1;
    collect();
    const auto created_message = last<RoomCreated>(1);
    host_token_ = created_message.host_token;
    tokens_[1] = created_message.resume_token;
    return std::nullopt;
}

std::optional<protocol::Error> RoomHarness::try_create_pair(const PairSpec& pair) {
    RoomDeps deps{bank_, guide_, limits_, entropy_.get(), review};
    auto created = Room::create_pair("ABCDEF", pair, std::move(deps), now_);
    if (auto* error = std::get_if<protocol::Error>(&created))
        return *error;
    room_ = std::move(std::get<std::unique_ptr<Room>>(created));
    max_member_ = 2;
    collect();
    host_token_ = last<Joined>(1).host_token.value_or("");
    tokens_[1] = last<Joined>(1).resume_token;
    tokens_[2] = last<Joined>(2).resume_token;
    return std::nullopt;
}

void RoomHarness::create(RoomKind kind, RoundSettings settings, std::string nickname) {
    RoomDeps deps{bank_, guide_, limits_, entropy_.get(), review};
    auto created =
        Room::create("ABCDEF", CreateRoom{kind, std::move(nickname), std::move(settings), identity},
                     std::move(deps));
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<Room>>(created))
        << std::get<protocol::Error>(created).message;
    room_ = std::move(std::get<std::unique_ptr<Room>>(created));
    max_member_ = 1;
    collect();
    const auto created_message = last<RoomCreated>(1);
    host_token_ = created_message.host_token;
    tokens_[1] = created_message.resume_token;
}

Seat RoomHarness::try_join(const std::string& nickname, std::optional<std::string> password) {
    Seat seat = room_->join(Join{"ABCDEF", nickname, std::move(password)}, now_);
    if (const auto* id = std::get_if<MemberId>(&seat))
        max_member_ = std::max(max_member_, *id);
    collect();
    if (const auto* id = std::get_if<MemberId>(&seat)) {
        tokens_[*id] = last<Joined>(*id).resume_token;
    }
    return seat;
}

MemberId RoomHarness::join(const std::string& nickname) {
    Seat seat = try_join(nickname);
    if (const auto* error = std::get_if<protocol::Error>(&seat)) {
        ADD_FAILURE() << "join refused: " << error->message;
        return 0;
    }
    return std::get<MemberId>(seat);
}

Seat RoomHarness::resume(const std::string& token) {
    Seat seat = room_->resume(token, now_);
    collect();
    return seat;
}

void RoomHarness::send(MemberId from, const ClientMessage& message) {
    room_->handle(from, message, now_);
    collect();
}

void RoomHarness::drop(MemberId member) {
    room_->disconnected(member, now_);
    collect();
}

void RoomHarness::advance(Millis ms) {
    now_ += ms;
    room_->tick(now_);
    collect();
}

void RoomHarness::run_for(Millis ms) {
    const Millis end = now_ + ms;
    while (true) {
        const auto next = room_->next_wakeup();
        if (!next || *next > end)
            break;
        now_ = std::max(now_, *next);
        room_->tick(now_);
        collect();
    }
    now_ = end;
    room_->tick(now_);
    collect();
}

std::optional<ErrorCode> RoomHarness::error_code(MemberId member) {
    for (const auto& message : inbox_[member]) {
        if (const auto* e = std::get_if<protocol::Error>(&message))
            return e->code;
        if (const auto* r = std::get_if<AnswerRejected>(&message))
            return r->code;
    }
    return std::nullopt;
}

int RoomHarness::correct_choice(const Question& q) const {
    const auto it = std::find_if(bank_->questions.begin(), bank_->questions.end(),
                                 [&](const auto& b) { return b.id == q.id; });
    const auto pos = std::find(q.choices.begin(), q.choices.end(), it->answer);
    return static_cast<int>(pos - q.choices.begin());
}

void RoomHarness::collect() {
    for (auto& out : room_->take_outbox()) {
        for (MemberId id = 1; id <= max_member_; ++id) {
            if (room_->in_audience(out.audience, id))
                inbox_[id].push_back(out.message);
        }
    }
}

}  // namespace rapidfire::core::testing
