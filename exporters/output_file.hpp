#pragma once
// Writing outputs so that nothing is lost: a crash never leaves half a file, and an
// input is never overwritten.
#include <filesystem>
#include <string_view>
#include <vector>

namespace baogao {

/// Checks, without writing, that `target` can be written as write_output_file would:
/// so a command with several outputs refuses before writing any of them.
/// Errors: as write_output_file ("output_error", "output_is_input").
void check_output_file(const std::filesystem::path& target,
                       const std::vector<std::filesystem::path>& inputs = {});

/// Writes `bytes` to `target` atomically: a temporary file in the target's folder,
/// fsync, then rename over the target. On any failure the temporary is removed and
/// the target is left as it was.
/// Errors: InputError "output_error" naming the target when the folder does not
/// exist, is not writable or is read-only (no write bit), the target is a folder or a
/// read-only file (no write bit: refused even for root), or the disk is full;
/// "output_is_input" when `target` is the same file as one of `inputs` (compared
/// after resolving links).
/// A process killed before the rename leaves the target untouched; on SIGINT or
/// SIGTERM the temporary is removed too (SIGKILL may leave a hidden ".NAME.XXXXXX"). Test hook: the environment variable
/// BAOGAO_TEST_PAUSE_BEFORE_RENAME=N pauses N seconds before the rename.
void write_output_file(const std::filesystem::path& target, std::string_view bytes,
                       const std::vector<std::filesystem::path>& inputs = {});

}  // namespace baogao
