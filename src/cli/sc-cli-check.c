/* sc-cli-check.c — placeholder until implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "sc-cli.h"

int
sc_cli_check (int argc, char **argv)
{
  return sc_cli_usage_error ("check", "not implemented yet");
}
