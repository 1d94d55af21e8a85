#pragma once
// Generic JSON reading and writing for described structs and enums (Boost.Describe), so that
// no message has a hand-written parser. Private to the protocol library.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/error.hpp"
#include "rapidfire/protocol/limits.hpp"
#include "rapidfire/protocol/messages.hpp"
#include "rapidfire/protocol/utf8.hpp"

namespace rapidfire::protocol::detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

// Members a message may leave out although their type is not std::optional (PROTOCOL.md marks
// them optional); an absent one keeps its default. Every member of RoundSettings (a missing
// setting takes its default) and the judge's tips (none ticked).
template <class T>
constexpr bool may_be_absent(std::string_view /*member*/) {
    return false;
}
template <>
constexpr bool may_be_absent<RoundSettings>(std::string_view) {
    return true;
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

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

// A member's name on the wire: its C++ name without a trailing underscore, which only marks a
// name that is a C++ keyword (RoundSettings::public_ is "public").
constexpr std::string_view wire_name(std::string_view member) {
    if (!member.empty() && member.back() == '_')
        member.remove_suffix(1);
    return member;
}

// Names an enum's values for error messages: "quiz, interview or solo".
template <class E>
std::string enum_choices() {
    std::vector<std::string_view> names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
        [&](auto d) { names.emplace_back(d.name); });
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += (i + 1 == names.size()) ? " or " : ", ";
        out += names[i];
    }
    return out;
}

// Reads JSON into C++ values, stopping at the first error it records.
class Reader {
  public:
    explicit Reader(bool enforce_limits) : enforce_limits_(enforce_limits) {}

    const std::optional<DecodeError>& error() const { return error_; }

    // Reads `value` into `out`; `path` names it for errors, `leaf` is the member name that
    // selects a string length limit.
    template <class T>
    bool read(const boost::json::value& value, T& out, const std::string& path,
              std::string_view leaf) {
        if constexpr (std::is_same_v<T, bool>) {
            if (!value.is_bool())
                return fail_type(path, "true or false");
            out = value.get_bool();
            return true;
        } else if constexpr (std::is_integral_v<T>) {
            return read_integer(value, out, path);
        } else if constexpr (std::is_floating_point_v<T>) {
            if (!value.is_number())
                return fail_type(path, "a number");
            out = static_cast<T>(value.to_number<double>());
            return true;
        } else if constexpr (std::is_same_v<T, std::string>) {
            return read_string(value, out, path, leaf);
        } else if constexpr (std::is_enum_v<T>) {
            return read_enum(value, out, path);
        } else if constexpr (is_optional<T>::value) {
            typename T::value_type inner{};
            if (!read(value, inner, path, leaf))
                return false;
            out = std::move(inner);
            return true;
        } else if constexpr (is_vector<T>::value) {
            return read_array(value, out, path, leaf);
        } else {
            return read_struct(value, out, path);
        }
    }

    template <class T>
    bool read_struct(const boost::json::value& value, T& out, const std::string& path) {
        if (!value.is_object())
            return fail_type(path, "an object");
        const auto& object = value.get_object();
        bool ok = true;
        boost::mp11::mp_for_each<members_of<T>>([&](auto member) {
            if (!ok)
                return;
            using Member = std::remove_cvref_t<decltype(out.*member.pointer)>;
            const std::string_view name = wire_name(member.name);
            const std::string member_path =
                path.empty() ? std::string(name) : path + "." + std::string(name);
            const auto* found = object.if_contains(name);
            if (found == nullptr || found->is_null()) {
                if (!is_optional<Member>::value && !may_be_absent<T>(name)) {
                    ok = fail(ErrorCode::missing_field,
                              "the field '" + member_path + "' is required", member_path);
                }
                return;
            }
            ok = read(*found, out.*member.pointer, member_path, name);
        });
        return ok;
    }

  private:
    bool fail(ErrorCode code, std::string message, const std::string& path) {
        if (!error_)
            error_ = DecodeError{code, std::move(message), path};
        return false;
    }

    bool fail_type(const std::string& path, std::string_view expected) {
        return fail(ErrorCode::wrong_type,
                    "the field '" + path + "' must be " + std::string(expected), path);
    }

    template <class T>
    bool read_integer(const boost::json::value& value, T& out, const std::string& path) {
        std::int64_t number = 0;
        if (value.is_int64()) {
            number = value.get_int64();
        } else if (value.is_uint64()) {
            return fail(ErrorCode::out_of_range, "the field '" + path + "' is too large", path);
        } else if (value.is_double() && std::fabs(value.get_double()) >= 0x1p63) {
            // Integers past 64 bits reach us as doubles; they are too large, not mistyped.
            return fail(ErrorCode::out_of_range, "the field '" + path + "' is too large", path);
        } else {
            return fail_type(path, "a whole number");
        }
        if (number < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
            number > static_cast<std::int64_t>(std::numeric_limits<T>::max())) {
            return fail(ErrorCode::out_of_range, "the field '" + path + "' is out of range", path);
        }
        out = static_cast<T>(number);
        return true;
    }

    bool read_string(const boost::json::value& value, std::string& out, const std::string& path,
                     std::string_view leaf) {
        if (!value.is_string())
            return fail_type(path, "a string");
        const auto& s = value.get_string();
        const std::string_view view(s.data(), s.size());
        if (!is_valid_utf8(view)) {
            return fail(ErrorCode::invalid_utf8, "the field '" + path + "' is not valid UTF-8",
                        path);
        }
        if (enforce_limits_) {
            const std::size_t limit = max_chars_for_field(leaf);
            if (utf8_length(view) > limit) {
                return fail(ErrorCode::too_long,
                            "the field '" + path + "' is longer than " + std::to_string(limit) +
                                " characters",
                            path);
            }
        }
        out.assign(view);
        return true;
    }

    template <class E>
    bool read_enum(const boost::json::value& value, E& out, const std::string& path) {
        if (!value.is_string())
            return fail_type(path, "one of " + enum_choices<E>());
        const auto& s = value.get_string();
        bool found = false;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
            if (!found && std::string_view(d.name) == std::string_view(s.data(), s.size())) {
                out = d.value;
                found = true;
            }
        });
        if (!found) {
            return fail(ErrorCode::out_of_range,
                        "the field '" + path + "' must be one of " + enum_choices<E>(), path);
        }
        return true;
    }

    template <class T>
    bool read_array(const boost::json::value& value, std::vector<T>& out, const std::string& path,
                    std::string_view leaf) {
        if (!value.is_array())
            return fail_type(path, "an array");
        // Array lengths were checked over the whole message before reading (codec.cpp).
        const auto& array = value.get_array();
        out.clear();
        out.reserve(array.size());
        for (std::size_t i = 0; i < array.size(); ++i) {
            T item{};
            if (!read(array[i], item, path + "[" + std::to_string(i) + "]", leaf))
                return false;
            out.push_back(std::move(item));
        }
        return true;
    }

    bool enforce_limits_;
    std::optional<DecodeError> error_;
};

// Writes C++ values as JSON.
template <class T>
void write(boost::json::value& out, const T& value);

template <class T>
void write_struct(boost::json::object& object, const T& value) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto member) {
        const auto& field = value.*member.pointer;
        using Member = std::remove_cvref_t<decltype(field)>;
        if constexpr (is_optional<Member>::value) {
            if (!field)
                return;
            write(object[wire_name(member.name)], *field);
        } else {
            write(object[wire_name(member.name)], field);
        }
    });
}

template <class T>
void write(boost::json::value& out, const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
        out = value;
    } else if constexpr (std::is_integral_v<T>) {
        out = static_cast<std::int64_t>(value);
    } else if constexpr (std::is_floating_point_v<T>) {
        // JSON has no NaN or infinity (Boost.JSON would write the bare tokens NaN/Infinity,
        // which no client can parse), so a non-finite value goes out as 0.
        out = std::isfinite(value) ? static_cast<double>(value) : 0.0;
    } else if constexpr (std::is_same_v<T, std::string>) {
        out = boost::json::string_view(value.data(), value.size());
    } else if constexpr (std::is_enum_v<T>) {
        out = boost::json::string_view(boost::describe::enum_to_string(value, "unknown"));
    } else if constexpr (is_vector<T>::value) {
        auto& array = out.emplace_array();
        array.reserve(value.size());
        for (const auto& item : value) {
            write(array.emplace_back(nullptr), item);
        }
    } else {
        write_struct(out.emplace_object(), value);
    }
}

}  // namespace rapidfire::protocol::detail
