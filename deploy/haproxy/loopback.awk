# deploy/haproxy/rapidfire.cfg made to run on one machine's loopback, for the tests and the
# benchmark: a plain listener on 127.0.0.1:PORT (no TLS, no system log, no runtime socket), the
# given servers in place of the example's in every backend with one routing rule each, and the
# connection limit and health check interval given. Exits 2 when the file no longer has a line
# this relies on, so a test fails instead of running another configuration.
#
#   awk -v port=8080 -v maxconn=2000 -v inter=100ms -v servers=A:8081,B:8082 \
#       -f deploy/haproxy/loopback.awk deploy/haproxy/rapidfire.cfg > haproxy.cfg
BEGIN {
    count = split(servers, list, ",")
    for (i = 1; i <= count; i++) {
        split(list[i], pair, ":")
        server_lines = server_lines "    server " pair[1] " 127.0.0.1:" pair[2] "\n"
        rule_lines = rule_lines "    use-server " pair[1] " if { urlp(room) -m beg -i " pair[1] " }\n"
    }
}
/log \/dev\/log|stats socket|bind :443|redirect scheme https/ { next }
/bind :80$/ { sub(/bind :80/, "bind 127.0.0.1:" port); bound = 1 }
/maxconn (100000|30000)/ { sub(/maxconn [0-9]+/, "maxconn " maxconn) }
{ gsub(/inter 2s/, "inter " inter) }
/^backend / { section = $2 }
/^    server [A-Z] 10\.0\.0\./ { if (!placed[section]++) printf "%s", server_lines; next }
/^    use-server [A-Z] if/ { if (!ruled++) printf "%s", rule_lines; next }
{ print }
END {
    if (!bound || !placed["rooms"] || !placed["matching"] || !placed["new_rooms"] || !ruled) {
        print "loopback.awk: rapidfire.cfg lacks the listener, a backend's servers or the rules" > "/dev/stderr"
        exit 2
    }
}
