#pragma once
// Turning messages into frames and frames into messages. Decoding never throws: it yields the
// message or a DecodeError with a stable code, a sentence and the offending field.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "rapidfire/protocol/error.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::protocol {

template <class Message>
using Decoded = std::variant<Message, DecodeError>;

// Decodes a frame a client sent, with every limit of limits.hpp applied: this is the server's
// guard against hostile input.
Decoded<ClientMessage> decode_client_message(std::string_view frame);

// Decodes a frame the server sent. Types, UTF-8 and nesting are checked; string and array
// lengths are not (server messages carry long reference answers and full standings).
Decoded<ServerMessage> decode_server_message(std::string_view frame);

// Encodes a message as one compact JSON object. Absent optional members are left out.
std::string encode(const ClientMessage& message);
std::string encode(const ServerMessage& message);

// Round settings alone, as stored with a finished game.
std::string encode_settings(const RoundSettings& settings);
std::optional<RoundSettings> decode_settings(std::string_view json);

// The wire names of every message type, in declaration order.
std::vector<std::string_view> client_message_types();
std::vector<std::string_view> server_message_types();

}  // namespace rapidfire::protocol
