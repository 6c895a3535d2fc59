#include "exporters/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "drafting/error.hpp"

namespace baogao {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& target, const std::string& what) {
  throw InputError("output_error", Source{target.string(), ""}, what);
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// The temporary being written, for the signal handler: Ctrl-C (SIGINT) or SIGTERM
// mid-write must not leave a hidden ".NAME.XXXXXX" behind. unlink() is
// async-signal-safe; the path lives in a fixed buffer set before the handler is on.
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_set = 0;

extern "C" void remove_temp_and_reraise(int sig) {
  if (g_temp_set) ::unlink(g_temp_path);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

/// Installs the handler for one write; restores the previous handlers when done.
class TempCleanup {
 public:
  TempCleanup() {
    struct sigaction action {};
    action.sa_handler = remove_temp_and_reraise;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  ~TempCleanup() {
    g_temp_set = 0;
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  void track(const std::string& path) {
    if (path.size() >= sizeof g_temp_path) return;  // too long to track: nothing worse than before
    std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
    g_temp_set = 1;
  }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

}  // namespace

void check_output_file(const fs::path& target, const std::vector<fs::path>& inputs) {
  for (const auto& input : inputs)
    if (same_file(target, input))
      throw InputError("output_is_input", Source{target.string(), ""},
                       "refusing to overwrite an input file; expected a new output path");

  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    fail(target, "the folder " + folder.string() + " does not exist; expected an existing folder");
  // Read-only by its mode bits, as a person sees it (`ls -l`), even for root, whom
  // the kernel would let write: a read-only draft or folder was made so on purpose.
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail(target, "it is a folder; expected a file name");
    if ((st.st_mode & 0222) == 0) fail(target, "the file is read-only; expected a writable file or a new name");
  }
  if (::stat(folder.c_str(), &st) == 0 && (st.st_mode & 0222) == 0)
    fail(target, "the folder " + folder.string() + " is read-only; expected a writable folder");
  if (::access(folder.c_str(), W_OK) != 0)
    fail(target, "cannot write in the folder " + folder.string() + ": " + std::strerror(errno));
}

void write_output_file(const fs::path& target, std::string_view bytes,
                       const std::vector<fs::path>& inputs) {
  check_output_file(target, inputs);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  TempCleanup cleanup;

  // mkstemp in the same folder, so the rename below cannot cross file systems.
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(target, std::string("cannot create a file here: ") + std::strerror(errno));
  cleanup.track(temp);

  auto abandon = [&](const char* step) {
    int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    fail(target, std::string(step) + ": " + std::strerror(err));
  };
  const char* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("write failed");
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) abandon("chmod failed");
  if (::fsync(fd) != 0) abandon("fsync failed");
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    fail(target, std::string("close failed: ") + std::strerror(errno));
  }
  // Test hook (tests/e2e/kill_mid_write.sh): with BAOGAO_TEST_PAUSE_BEFORE_RENAME=N
  // the process says where its temporary is and waits N seconds before the rename,
  // so a test can kill it there and check that no partial output appears.
  if (const char* pause = std::getenv("BAOGAO_TEST_PAUSE_BEFORE_RENAME"); pause && *pause) {
    std::fprintf(stderr, "baogao: test: paused before rename: %s\n", temp.c_str());
    std::fflush(stderr);
    ::sleep(static_cast<unsigned>(std::atoi(pause)));
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    fail(target, std::string("rename failed: ") + std::strerror(err));
  }
}

}  // namespace baogao
