#include "server_context.hpp"

#include "tls_context.hpp"

namespace rapidfire::net {

ServerContext::ServerContext(boost::asio::io_context& io, ServerOptions server_options,
                             std::shared_ptr<const content::Bank> question_bank,
                             std::shared_ptr<const content::StudyGuide> study_guide)
    : options(std::move(server_options)),
      tls(make_server_tls(options)),
      bank(std::move(question_bank)),
      guide(std::move(study_guide)),
      entropy(core::make_secure_entropy()),
      strands(io, options.threads),
      rooms(strands) {}

}  // namespace rapidfire::net
