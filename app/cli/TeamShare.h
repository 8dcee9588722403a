#pragma once

namespace ic::cli {

class Context;

// After a CLI change in a data dir that joined a team: sends what waits to the server at once,
// so the others see it without a `team sync`. The change is committed either way. A server out
// of reach costs at most a short connect timeout, and after a failure the next minute's
// commands do not try again; what waits then goes with the window's link or `team sync`, and
// stderr says so. Outside a team it only looks at one app_meta key.
void shareWaitingChanges(Context &context);

} // namespace ic::cli
