/* sc-cli-project.c — placeholder until implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "sc-cli.h"

int
sc_cli_show (int argc, char **argv)
{
  return sc_cli_usage_error ("show", "not implemented yet");
}

int
sc_cli_strict (int argc, char **argv)
{
  return sc_cli_usage_error ("strict", "not implemented yet");
}
