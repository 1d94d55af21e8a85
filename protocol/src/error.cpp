#include "rapidfire/protocol/error.hpp"

#include <boost/describe/enum_to_string.hpp>
#include <boost/mp11/algorithm.hpp>

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

std::vector<ErrorCode> all_error_codes() {
    std::vector<ErrorCode> codes;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<ErrorCode>>(
        [&](auto d) { codes.push_back(d.value); });
    return codes;
}

}  // namespace rapidfire::protocol
