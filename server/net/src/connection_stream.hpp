#pragma once
// The stream types of a client connection. Every connection runs on a strand of its own
// (listener.cpp), and its streams carry that strand by its concrete type: Beast's operations
// and the posts of the rooms then never go through the type-erased any_io_executor, whose
// copies and `prefer` calls cost time on every write of a large broadcast.

#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/basic_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

namespace rapidfire::net {

using ConnectionStrand = boost::asio::strand<boost::asio::io_context::executor_type>;
using ConnectionSocket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, ConnectionStrand>;
// ws:// and http://
using PlainStream = boost::beast::basic_stream<boost::asio::ip::tcp, ConnectionStrand>;
// wss:// and https://
using TlsStream = boost::beast::ssl_stream<PlainStream>;

}  // namespace rapidfire::net
