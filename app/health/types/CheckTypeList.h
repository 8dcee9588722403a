// Every check type, one line each: IC_CHECK_TYPE(Name) registers the CheckType that
// types/Name.cpp returns from makeName(). Adding a type is that file plus one line here; CMake
// compiles the files this list names (app/health/CMakeLists.txt), CheckTypes.cpp registers them.
// No include guard: CheckTypes.cpp includes this list once per use of IC_CHECK_TYPE.
IC_CHECK_TYPE(CommandCheck)
IC_CHECK_TYPE(DnsCheck)
IC_CHECK_TYPE(HttpCheck)
IC_CHECK_TYPE(PostgresCheck)
IC_CHECK_TYPE(PrometheusCheck)
IC_CHECK_TYPE(RedisCheck)
IC_CHECK_TYPE(SystemCheck)
IC_CHECK_TYPE(TcpCheck)
IC_CHECK_TYPE(TlsCheck)
