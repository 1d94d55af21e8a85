#include "rapidfire/protocol/codec.hpp"

#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "reflect.hpp"

namespace rapidfire::protocol {
namespace {

// Parses the frame into a JSON object, or says why it cannot.
std::optional<DecodeError> parse_object(std::string_view frame, boost::json::value& out) {
    if (!is_valid_utf8(frame)) {
        return DecodeError{ErrorCode::invalid_utf8, "the message is not valid UTF-8", ""};
    }
    boost::json::parse_options options;
    options.max_depth = max_json_depth;
    boost::system::error_code ec;
    out = boost::json::parse(boost::json::string_view(frame.data(), frame.size()), ec, {}, options);
    if (ec == boost::json::error::too_deep) {
        return DecodeError{
            ErrorCode::too_deep,
            "the message is nested deeper than " + std::to_string(max_json_depth) + " levels", ""};
    }
    if (ec) {
        return DecodeError{ErrorCode::bad_json, "the message is not valid JSON: " + ec.message(),
                           ""};
    }
    if (!out.is_object()) {
        return DecodeError{ErrorCode::not_object, "the message must be a JSON object", ""};
    }
    return std::nullopt;
}

// At most `max_bytes` of `text`, cut on a code point boundary so the result stays UTF-8 (it is
// echoed back inside an error message).
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes)
        return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

// Whether `value` holds, at any depth, an array longer than max_array_items; if so `path` names
// the first such array relative to `value` (built on the way out, so a message within the limit
// costs no strings).
bool find_long_array(const boost::json::value& value, std::string& path) {
    const auto prefix = [&](std::string step) {
        path.insert(0, path.empty() || path.front() == '[' ? step : step + ".");
    };
    if (const auto* array = value.if_array()) {
        if (array->size() > max_array_items)
            return true;
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (find_long_array((*array)[i], path)) {
                prefix("[" + std::to_string(i) + "]");
                return true;
            }
        }
    } else if (const auto* object = value.if_object()) {
        for (const auto& member : *object) {
            if (find_long_array(member.value(), path)) {
                prefix(std::string(member.key()));
                return true;
            }
        }
    }
    return false;
}

template <class Variant>
Decoded<Variant> decode(std::string_view frame, bool enforce_limits) {
    boost::json::value json;
    if (auto error = parse_object(frame, json))
        return *error;
    const auto& object = json.get_object();
    const auto* type = object.if_contains("type");
    if (type == nullptr || !type->is_string()) {
        return DecodeError{ErrorCode::missing_type, "the message needs a string field 'type'",
                           "type"};
    }
    const std::string_view name(type->get_string().data(), type->get_string().size());

    std::optional<Decoded<Variant>> result;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<Variant>>>([&](auto index) {
        using Message = std::variant_alternative_t<index, Variant>;
        if (result || Message::type != name)
            return;
        // PROTOCOL.md: the item limit holds for every array, in unknown fields too, before
        // the message's meaning is looked at.
        if (std::string path; enforce_limits && find_long_array(json, path)) {
            result.emplace(DecodeError{ErrorCode::too_many_items,
                                       "the field '" + path + "' has more than " +
                                           std::to_string(max_array_items) + " items",
                                       path, std::string(name)});
            return;
        }
        Message message{};
        detail::Reader reader(enforce_limits);
        if (reader.read_struct(json, message, "")) {
            result.emplace(Variant{std::move(message)});
        } else {
            DecodeError error = *reader.error();
            error.request = std::string(name);
            result.emplace(std::move(error));
        }
    });
    if (!result) {
        return DecodeError{
            ErrorCode::unknown_type,
            "unknown message type '" + std::string(utf8_prefix(name, max_default_chars)) + "'",
            "type"};
    }
    return std::move(*result);
}

template <class Variant>
std::string encode_variant(const Variant& message) {
    boost::json::value json;
    std::visit(
        [&](const auto& m) {
            auto& object = json.emplace_object();
            object["type"] = boost::json::string_view(m.type.data(), m.type.size());
            detail::write_struct(object, m);
        },
        message);
    return boost::json::serialize(json);
}

template <class Variant>
std::vector<std::string_view> type_names() {
    std::vector<std::string_view> names;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<Variant>>>(
        [&](auto index) { names.push_back(std::variant_alternative_t<index, Variant>::type); });
    return names;
}

}  // namespace

Decoded<ClientMessage> decode_client_message(std::string_view frame) {
    return decode<ClientMessage>(frame, true);
}

Decoded<ServerMessage> decode_server_message(std::string_view frame) {
    return decode<ServerMessage>(frame, false);
}

std::string encode(const ClientMessage& message) {
    return encode_variant(message);
}
std::string encode(const ServerMessage& message) {
    return encode_variant(message);
}

std::string encode_settings(const RoundSettings& settings) {
    boost::json::value json;
    detail::write(json, settings);
    return boost::json::serialize(json);
}

std::optional<RoundSettings> decode_settings(std::string_view text) {
    boost::json::value json;
    if (parse_object(text, json))
        return std::nullopt;
    RoundSettings settings;
    detail::Reader reader(false);
    if (!reader.read_struct(json, settings, ""))
        return std::nullopt;
    return settings;
}

std::vector<std::string_view> client_message_types() {
    return type_names<ClientMessage>();
}
std::vector<std::string_view> server_message_types() {
    return type_names<ServerMessage>();
}

std::string_view type_of(const ClientMessage& message) {
    return std::visit([](const auto& m) { return std::string_view(m.type); }, message);
}

std::string_view type_of(const ServerMessage& message) {
    return std::visit([](const auto& m) { return std::string_view(m.type); }, message);
}

}  // namespace rapidfire::protocol
