// Boost.JSON compiled into the fuzz target itself, so the parser is instrumented too.
#include <boost/json/src.hpp>
