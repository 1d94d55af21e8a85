#include "rapidfire/protocol/error.hpp"

#include <boost/describe/enum_to_string.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::protocol {

std::string_view to_string(ErrorCode code) {
    return boost::describe::enum_to_string(code, "internal");
}

std::optional<ErrorCode> error_code_from_string(std::string_view name) {
    std::optional<ErrorCode> found;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<ErrorCode>>([&](auto d) {
        if (name == d.name)
            found = d.value;
    });
    return found;
}

Error make_error(ErrorCode code, std::string message, std::string_view request,
                 std::string_view field) {
    Error error{code, std::move(message), std::nullopt, std::nullopt};
    if (!field.empty())
        error.field = std::string(field);
    if (!request.empty())
        error.request = std::string(request);
    return error;
}

Error room_not_found_error() {
    return make_error(ErrorCode::room_not_found, "no room with that code", "join", "code");
}

Error room_server_gone_error(std::string_view request) {
    return make_error(ErrorCode::room_server_gone,
                      "the server running this room has stopped: the room is gone", request,
                      request == "join" ? "code" : "token");
}

Error bad_resume_token_error() {
    return make_error(ErrorCode::bad_resume_token,
                      "this resume token is unknown, revoked or expired", "resume", "token");
}

Error not_in_room_error(std::string_view request) {
    return make_error(ErrorCode::not_in_room, "you are not in this room", request);
}

std::vector<ErrorCode> all_error_codes() {
    std::vector<ErrorCode> codes;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<ErrorCode>>(
        [&](auto d) { codes.push_back(d.value); });
    return codes;
}

}  // namespace rapidfire::protocol
