#pragma once
// Writing outputs so that nothing is lost: a crash never leaves half a file, and an
// input is never overwritten.
#include <filesystem>
#include <string_view>
#include <vector>

namespace baogao {

/// Writes `bytes` to `target` atomically: a temporary file in the target's folder,
/// fsync, then rename over the target. On any failure the temporary is removed and
/// the target is left as it was.
/// Errors: InputError "output_error" naming the target when the folder does not
/// exist, is not writable or is read-only (no write bit), the target is a folder or a
/// read-only file (no write bit: refused even for root), or the disk is full;
/// "output_is_input" when `target` is the same file as one of `inputs` (compared
/// after resolving links).
/// A process killed before the rename leaves the target untouched (and at most a
/// hidden ".NAME.XXXXXX" temporary beside it). Test hook: the environment variable
/// BAOGAO_TEST_PAUSE_BEFORE_RENAME=N pauses N seconds before the rename.
void write_output_file(const std::filesystem::path& target, std::string_view bytes,
                       const std::vector<std::filesystem::path>& inputs = {});

}  // namespace baogao
