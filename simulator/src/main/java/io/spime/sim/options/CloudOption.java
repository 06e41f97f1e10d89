package io.spime.sim.options;

import io.spime.sim.internal.cloud.CloudTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --cloud URL} and its bearer token ({@code --cloud-token-file FILE}, or the environment
 * variable {@code SPIME_CLOUD_TOKEN}): the fleet runs against a running spime-cloud and is verified
 * through its HTTP API.
 */
public final class CloudOption {
  /** The environment variable a token is read from when no file is given. */
  public static final String TOKEN_ENV = "SPIME_CLOUD_TOKEN";
  private static final int MAX_TOKEN_BYTES = 8 * 1024;

  @Option(names = "--cloud", paramLabel = "URL",
      description = "A running spime-cloud, like http://127.0.0.1:8080: the cars connect to its broker"
          + " (--broker), the run starts no ingest, and the twins are read through its API.")
  private String url;

  @Option(names = "--cloud-token-file", paramLabel = "FILE",
      description = "File holding the bearer token for --cloud (an OEM role; default: the variable "
          + TOKEN_ENV + ").")
  private Path tokenFile;

  /** Whether {@code --cloud} was given. */
  public boolean given() {
    return url != null;
  }

  /**
   * The cloud to run against, with its token; empty when {@code --cloud} was left out.
   *
   * @throws IllegalArgumentException if the URL is not http(s), or no token can be read
   */
  public Optional<CloudTarget> target() {
    return target(System.getenv());
  }

  Optional<CloudTarget> target(Map<String, String> env) {
    if (url == null) {
      if (tokenFile != null) {
        throw new IllegalArgumentException("--cloud-token-file needs --cloud");
      }
      return Optional.empty();
    }
    return Optional.of(new CloudTarget(parse(url), token(env)));
  }

  private static URI parse(String text) {
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--cloud must be an http:// or https:// URL with a host, was '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--cloud is not a URL: '" + text + "' (" + e.getReason() + ")", e);
    }
  }

  private String token(Map<String, String> env) {
    String token;
    if (tokenFile != null) {
      try (InputStream in = Files.newInputStream(tokenFile)) {
        byte[] bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
        if (bytes.length > MAX_TOKEN_BYTES) {
          throw new IllegalArgumentException("--cloud-token-file " + tokenFile + " holds more than "
              + MAX_TOKEN_BYTES + " bytes: not a token");
        }
        token = new String(bytes, StandardCharsets.US_ASCII).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("--cloud-token-file " + tokenFile + " cannot be read: " + e.getMessage(), e);
      }
    } else {
      token = Optional.ofNullable(env.get(TOKEN_ENV)).map(String::strip).orElse("");
      if (token.isEmpty()) {
        throw new IllegalArgumentException("--cloud needs a bearer token: --cloud-token-file FILE or the"
            + " variable " + TOKEN_ENV);
      }
    }
    if (token.isEmpty() || token.length() > MAX_TOKEN_BYTES || !token.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("--cloud-token-file " + tokenFile
          + ": the token must be one line of printable ASCII without spaces");
    }
    return token;
  }
}
