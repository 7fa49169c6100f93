package dev.migrationmcp.memory.git;

import java.time.OffsetDateTime;

/**
 * One commit that touched a file.
 *
 * @param hash full commit hash
 * @param author author name
 * @param date author date
 * @param message full message (subject and body)
 */
public record GitCommit(String hash, String author, OffsetDateTime date, String message) {
  /** First line of the message. */
  public String subject() {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
