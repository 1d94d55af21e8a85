#pragma once
// One sample of every message and shared object, with every field set to a value other than
// its default and every optional member present. A message type without a sample() overload
// does not compile, so new messages cannot slip past the round-trip tests. The helpers below
// work on any described struct, so new fields are covered without touching them.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::protocol::testing {

template <class T>
using tag = std::type_identity<T>;

// ---------------------------------------------------------------------------------------------
// Shared objects

inline RoundSettings sample(tag<RoundSettings>) {
    RoundSettings s;
    s.questions = 12;
    s.topics = {"evaluation", "statistics"};
    s.shuffle = false;
    s.seed = 9'007'199'254'740'993;  // beyond double precision: must survive as an integer
    s.seconds = 25;
    s.mode = AnswerMode::judge;
    s.clock = ClockMode::total;
    s.total_seconds = 600;
    s.show_leaderboard = false;
    s.streak_bonus = false;
    s.capacity = 40;
    s.judging_seconds = 90;
    s.reveal_seconds = 7;
    s.password = "s3cret";
    s.public_ = true;
    s.label = "Friday evaluation drills";
    s.review = true;
    return s;
}

inline PlayerInfo sample(tag<PlayerInfo>) {
    return {17, "Zoë", false};
}

inline Standing sample(tag<Standing>) {
    return {2, 17, "Zoë", 2350, 3, 41'250};
}

inline AnswerGroup sample(tag<AnswerGroup>) {
    return {3, "the mean of the squared errors", 2, {"Zoë", "Ana"}, Verdict::partial, 0.75};
}

inline SummaryItem sample(tag<SummaryItem>) {
    SummaryItem s;
    s.question = 4;
    s.text = "What does regularisation trade off?";
    s.topics = {"regularization"};
    s.reference = "Bias against variance.";
    s.answer = "variance for bias";
    s.verdict = Verdict::correct;
    s.comment = "Good, name L1 and L2 next time.";
    s.tips = {"structure", "tradeoffs"};
    s.time_ms = 12'345;
    s.points = 880;
    return s;
}

inline TopicMisses sample(tag<TopicMisses>) {
    return {"evaluation",
            {1, 5},
            "Evaluation",
            "Can you choose the right metric for a given problem and explain why accuracy is not "
            "always appropriate?"};
}

inline StudyTopic sample(tag<StudyTopic>) {
    return {"optimization",
            {3, 9},
            {"What does the learning rate control?", "What is gradient clipping?"},
            "Optimization",
            "Can you explain how gradient descent works, why Adam is popular, and what vanishing "
            "gradients are?"};
}

inline TopicCount sample(tag<TopicCount>) {
    return {"regularization", 3};
}

inline Rating sample(tag<Rating>) {
    return {"think-aloud", 4};
}

inline FeedbackArea sample(tag<FeedbackArea>) {
    return {"structure", "Structure Your Answers"};
}

inline OpenRoom sample(tag<OpenRoom>) {
    return {"K7M2QX",
            RoomKind::interview,
            "Friday evaluation drills",
            {"evaluation", "deep-learning"},
            5,
            12,
            "Interviewer Ida",
            true};
}

// ---------------------------------------------------------------------------------------------
// Client to server

inline Hello sample(tag<Hello>) {
    return {2, "rapidfire-web/1.4"};
}

inline CreateRoom sample(tag<CreateRoom>) {
    return {RoomKind::interview, "Interviewer Ida", sample(tag<RoundSettings>{}),
            "kq3Zr8Wm_x2Pd-7vYt9LbA"};
}

inline Join sample(tag<Join>) {
    return {"K7M2QX", "Zoë", "s3cret", "kq3Zr8Wm_x2Pd-7vYt9LbA"};
}

inline Resume sample(tag<Resume>) {
    return {"K7M2QX.4f9c2a7e1b"};
}

inline Leave sample(tag<Leave>) {
    return {};
}

inline Start sample(tag<Start>) {
    return {"h-0a1b2c"};
}

inline Pause sample(tag<Pause>) {
    return {"h-0a1b2c"};
}

inline Continue sample(tag<Continue>) {
    return {"h-0a1b2c"};
}

inline Skip sample(tag<Skip>) {
    return {"h-0a1b2c"};
}

inline Extend sample(tag<Extend>) {
    return {"h-0a1b2c", 15};
}

inline EndGame sample(tag<EndGame>) {
    return {"h-0a1b2c"};
}

inline Kick sample(tag<Kick>) {
    return {"h-0a1b2c", 17};
}

inline Lock sample(tag<Lock>) {
    return {"h-0a1b2c", false};
}

inline Answer sample(tag<Answer>) {
    return {3, 2, "gradient descent — with momentum"};
}

inline Judge sample(tag<Judge>) {
    return {"h-0a1b2c", 3, 1, Verdict::correct, "Clear and complete.", {"think-aloud", "time"}};
}

inline AcceptSuggestions sample(tag<AcceptSuggestions>) {
    return {"h-0a1b2c", 3};
}

inline Grade sample(tag<Grade>) {
    return {3, SelfGrade::easy};
}

inline Rematch sample(tag<Rematch>) {
    return {"h-0a1b2c", true};
}

inline ListStandings sample(tag<ListStandings>) {
    return {"h-0a1b2c", 100, 100};
}

inline Ping sample(tag<Ping>) {
    return {-42};
}

inline MatchJoin sample(tag<MatchJoin>) {
    return {"Zoë",
            {"evaluation", "regularization"},
            Level::intermediate,
            MatchRole::candidate,
            "kq3Zr8Wm_x2Pd-7vYt9LbA"};
}

inline MatchLeave sample(tag<MatchLeave>) {
    return {};
}

inline MatchConfirm sample(tag<MatchConfirm>) {
    return {};
}

inline Feedback sample(tag<Feedback>) {
    return {{sample(tag<Rating>{}), {"tradeoffs", 2}, {"time", 5}},
            "You asked what the model was for before you answered.",
            "Name what you give up: L1 against L2 needed a trade-off."};
}

inline ListRooms sample(tag<ListRooms>) {
    return {RoomKind::quiz, "deep-learning"};
}

// ---------------------------------------------------------------------------------------------
// Server to client

inline Welcome sample(tag<Welcome>) {
    return {2, "rapidfire/0.1.0", 16'384, 1'767'225'600'000};
}

inline QuestionClosed sample(tag<QuestionClosed>) {
    return {3, 41};
}

inline RoomCreated sample(tag<RoomCreated>) {
    return {"K7M2QX", "h-0a1b2c",     "K7M2QX.4f9c2a7e1b",
            1,        RoomKind::solo, sample(tag<RoundSettings>{}),
            120};
}

inline Joined sample(tag<Joined>) {
    Joined j;
    j.code = "K7M2QX";
    j.role = Role::host;
    j.player = 1;
    j.nickname = "Solo Sam";
    j.resume_token = "K7M2QX.4f9c2a7e1b";
    j.host_token = "h-0a1b2c";
    j.kind = RoomKind::solo;
    j.phase = RoomPhase::question;
    j.settings = sample(tag<RoundSettings>{});
    j.host = "Solo Sam";
    j.resumed = true;
    j.points = 1900;
    return j;
}

inline Roster sample(tag<Roster>) {
    return {
        3,       2, true, true, {sample(tag<PlayerInfo>{}), {18, "Ana", true}, {19, "李雷", false}},
        {21, 22}};
}

inline Question sample(tag<Question>) {
    Question q;
    q.question = 3;
    q.total = 12;
    q.id = "ml-07";
    q.text = "Which optimiser keeps a running average of past gradients?";
    q.topics = {"optimization"};
    q.mode = AnswerMode::judge;
    q.choices = {"SGD", "Momentum", "Newton", "Grid search"};
    q.time_limit_ms = 20'000;
    q.opened_at = 1'767'225'600'000;
    q.deadline = 1'767'225'620'000;
    q.server_time = 1'767'225'605'000;
    q.remaining_ms = 15'000;
    q.paused = true;
    q.reference = "Momentum: it adds a fraction of the last update to the current one.";
    return q;
}

inline AnswerAccepted sample(tag<AnswerAccepted>) {
    return {3, 4'210};
}

inline AnswerRejected sample(tag<AnswerRejected>) {
    return {3, ErrorCode::too_late, "the question closed"};
}

inline AnswerProgress sample(tag<AnswerProgress>) {
    return {3, 7, 9};
}

inline JudgeRequest sample(tag<JudgeRequest>) {
    return {3,
            "What does the loss measure?",
            "The mean of the squared errors.",
            {"mean", "squared", "error"},
            {sample(tag<AnswerGroup>{}), {4, "no idea", 1, {"Bo"}, Verdict::wrong, 0.0}},
            {"structure", "clarify"},
            1'767'225'700'000};
}

inline Judged sample(tag<Judged>) {
    return {3, 1, Verdict::correct, 2};
}

inline Reveal sample(tag<Reveal>) {
    return {3,
            "Momentum.",
            1,
            std::vector<int>{1, 3},
            {2, 5, 0, 1},
            true,
            1'767'225'630'000,
            "Momentum averages past gradients; Adam adds a per-weight scale."};
}

inline Result sample(tag<Result>) {
    return {3, Verdict::partial,   SelfGrade::hard,   450, 2350, 2,
            4, "Almost: say why.", 1'767'484'830'000, 3};
}

inline Standings sample(tag<Standings>) {
    return {3, 27, {sample(tag<Standing>{}), {3, 18, "Ana", 2100, 3, 50'000}}};
}

inline StandingsPage sample(tag<StandingsPage>) {
    return {4, 100, 2400, {{101, 212, "Kai", 1840, 2, 9100}, {102, 9, "Lou", 1790, 2, 9400}}};
}

inline Paused sample(tag<Paused>) {
    return {PauseReason::host_disconnected, 12'000};
}

inline Continued sample(tag<Continued>) {
    return {1'767'225'640'000, 12'000};
}

inline TimeExtended sample(tag<TimeExtended>) {
    return {3, 1'767'225'650'000, 27'000};
}

inline HostStatus sample(tag<HostStatus>) {
    return {false, 120'000};
}

inline GameOver sample(tag<GameOver>) {
    return {EndReason::host_gone, 9, 27, {sample(tag<Standing>{})}};
}

inline FinalResult sample(tag<FinalResult>) {
    return {2, 27, 2350, 3, 2, 1, 3, 41'250, 312'000, std::vector{sample(tag<StudyTopic>{})}};
}

inline PersonalBest sample(tag<PersonalBest>) {
    return {7'450, 6'900, true, 4, NotCounted::paused};  // every field set, for the codec
}

inline Summary sample(tag<Summary>) {
    Summary s;
    s.player = 17;
    s.nickname = "Zoë";
    s.interviewer = "Interviewer Ida";
    s.points = 2350;
    s.rank = 1;
    s.correct = 3;
    s.partial = 2;
    s.wrong = 1;
    s.unanswered = 3;
    s.time_ms = 41'250;
    s.items = {sample(tag<SummaryItem>{})};
    s.misses_by_topic = {sample(tag<TopicMisses>{})};
    s.tips_shown = {"structure"};
    s.tips_missed = {"honesty", "time"};
    return s;
}

inline Kicked sample(tag<Kicked>) {
    return {"removed by the host"};
}

inline Left sample(tag<Left>) {
    return {};
}

inline Error sample(tag<Error>) {
    return {ErrorCode::missing_field, "the field 'code' is required", "code", "join"};
}

inline Pong sample(tag<Pong>) {
    return {-42, 1'767'225'600'123};
}

inline MatchStatus sample(tag<MatchStatus>) {
    return {2,
            7,
            {sample(tag<TopicCount>{}), {"evaluation", 1}},
            1'767'225'630'000,
            Requeued::partner_no_show};
}

inline MatchProposed sample(tag<MatchProposed>) {
    return {"Ana", MatchRole::candidate, {"regularization"}, Level::advanced, 1'767'225'620'000};
}

inline MatchFound sample(tag<MatchFound>) {
    return {"K7M2QX", "Ana", MatchRole::candidate, {"regularization"}};
}

inline MatchLeft sample(tag<MatchLeft>) {
    return {MatchLeftReason::no_show};
}

inline FeedbackRequest sample(tag<FeedbackRequest>) {
    return {"Ana",
            {sample(tag<FeedbackArea>{}),
             {"think-aloud", "Think Out Loud"},
             {"time", "Manage Your Time"}},
            1'767'226'800'000};
}

inline FeedbackSaved sample(tag<FeedbackSaved>) {
    return {};
}

inline PairEnded sample(tag<PairEnded>) {
    return {"Bo"};
}

inline PartnerFeedback sample(tag<PartnerFeedback>) {
    return {"Ana",
            true,
            {{"structure", 5}, sample(tag<Rating>{})},
            "A clear definition first, then an example.",
            "Say when you are unsure rather than guessing."};
}

inline RoomList sample(tag<RoomList>) {
    return {
        {sample(tag<OpenRoom>{}), {"R4PW9C", RoomKind::quiz, "", {}, 31, 100, "Ms Rivera", false}},
        2,
        1'767'225'600'500};
}

// ---------------------------------------------------------------------------------------------
// Generic helpers over described structs

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

template <class T>
inline constexpr bool is_described_struct = boost::describe::has_describe_members<T>::value;

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

// A member's name on the wire: the C++ name without a trailing underscore, which marks a name
// that is a C++ keyword (RoundSettings::public_ is "public").
constexpr std::string_view wire_name(std::string_view member) {
    if (!member.empty() && member.back() == '_')
        member.remove_suffix(1);
    return member;
}

// Members of a message that may be left out although their type is not std::optional (PROTOCOL.md
// marks them optional; an absent one reads as empty). Stated here on its own, not taken from the
// decoder, so that the tests check the decoder against it.
template <class T>
constexpr bool may_be_absent(std::string_view /*wire name*/) {
    return false;
}
template <>
constexpr bool may_be_absent<Judge>(std::string_view member) {
    return member == "tips";
}
template <>
constexpr bool may_be_absent<MatchJoin>(std::string_view member) {
    return member == "topics";
}
template <>
constexpr bool may_be_absent<Feedback>(std::string_view member) {
    return member == "went_well" || member == "work_on";
}

// Deep equality of two values of a described type.
template <class T>
bool deep_equal(const T& a, const T& b) {
    if constexpr (is_optional<T>::value) {
        if (a.has_value() != b.has_value())
            return false;
        return !a || deep_equal(*a, *b);
    } else if constexpr (is_vector<T>::value) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!deep_equal(a[i], b[i]))
                return false;
        }
        return true;
    } else if constexpr (is_described_struct<T>) {
        bool equal = true;
        boost::mp11::mp_for_each<members_of<T>>(
            [&](auto m) { equal = equal && deep_equal(a.*m.pointer, b.*m.pointer); });
        return equal;
    } else {
        return a == b;
    }
}

// Collects the paths of fields that still hold their default value (or an absent optional, or
// an empty array), so a sample that forgets a field is reported by name.
template <class T>
void collect_defaults(const T& value, const T& fallback, const std::string& path,
                      std::vector<std::string>& out) {
    if constexpr (is_optional<T>::value) {
        if (!value) {
            out.push_back(path + " (absent)");
            return;
        }
        // Presence is what matters for an optional scalar (shuffle=false differs from absent);
        // an optional struct must still fill its own fields.
        using Inner = typename T::value_type;
        if constexpr (is_described_struct<Inner> || is_vector<Inner>::value) {
            collect_defaults(*value, Inner{}, path, out);
        }
    } else if constexpr (is_vector<T>::value) {
        // The first item must be complete; later ones may be plainer, for realism.
        if (value.empty()) {
            out.push_back(path + " (empty)");
        } else {
            collect_defaults(value.front(), typename T::value_type{}, path + "[0]", out);
        }
    } else if constexpr (is_described_struct<T>) {
        boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
            collect_defaults(value.*m.pointer, fallback.*m.pointer,
                             path.empty() ? std::string(wire_name(m.name))
                                          : path + "." + std::string(wire_name(m.name)),
                             out);
        });
    } else {
        if (value == fallback)
            out.push_back(path);
    }
}

template <class T>
std::vector<std::string> fields_left_at_default(const T& value) {
    std::vector<std::string> out;
    collect_defaults(value, T{}, "", out);
    return out;
}

// The smallest form of a message: every optional member absent and every array empty, at any
// depth.
template <class T>
void strip(T& value) {
    if constexpr (is_optional<T>::value) {
        value.reset();
    } else if constexpr (is_vector<T>::value) {
        value.clear();
    } else if constexpr (is_described_struct<T>) {
        boost::mp11::mp_for_each<members_of<T>>([&](auto m) { strip(value.*m.pointer); });
    }
}

}  // namespace rapidfire::protocol::testing
