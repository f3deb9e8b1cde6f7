/* sc-denial-sidebar-load.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's loading and following: one run of the core's loader
 * (src/core/sc-denial-loader.c, the worker thread) is a job, whose
 * batches are applied here under a time budget so that a source with
 * 100,000 groups fills the list while the window keeps drawing. Follow
 * mode watches the reader's fd and runs the same worker again for the
 * new records.
 */

#define G_LOG_DOMAIN "sc-denial-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "sc-denial-loader.h"
#include "sc-denial-sidebar-private.h"

/* How long one main-loop dispatch may spend applying batches. */
#define APPLY_BUDGET_USEC     (6 * 1000)
/* While the first read runs, new groups are held back (and counted on the
 * loading page) for up to 5 s: a log read in time order would put every
 * batch at the top, where each insertion rebinds and restyles all 200
 * rows. Afterwards they are put in newest first, which only ever appends
 * below the rows already shown. */
#define HOLD_USEC             (5 * G_USEC_PER_SEC)

/* One run of the core's loader (src/core/sc-denial-loader.c: the worker
 * thread) as this widget applies it. */
struct _LoadJob
{
  ScDenialSidebar  *sidebar;       /* NULL once stale */
  ScDenialLoader   *loader;
  gboolean          initial;       /* first read of the source, not a follow read */
  gint64            started;       /* monotonic */
  GPtrArray        *applying;      /* taken from the loader, applied under budget */
  guint             applying_pos;
  gboolean          done;
  GError           *error;
};

static void
load_job_clear (gpointer data)
{
  LoadJob *job = data;

  g_assert (job->sidebar == NULL);
  g_clear_pointer (&job->loader, sc_denial_loader_unref);
  g_clear_pointer (&job->applying, g_ptr_array_unref);
  g_clear_error (&job->error);
}

static LoadJob *
load_job_ref (LoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
load_job_unref (LoadJob *job)
{
  g_atomic_rc_box_release_full (job, load_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_unref)

void
_sc_denial_sidebar_schedule_apply (ScDenialSidebar *self)
{
  if (self->job != NULL)
    sc_denial_loader_schedule (self->job->loader);
}

gboolean
_sc_denial_sidebar_job_is_initial (ScDenialSidebar *self)
{
  return self->job != NULL && self->job->initial;
}

/* ---- Applying batches on the main thread ------------------------------ */

static void
finish_job (ScDenialSidebar *self,
            LoadJob         *job)
{
  g_autoptr(LoadJob) owned = g_steal_pointer (&self->job);

  g_assert (owned == job);
  job->sidebar = NULL;
  sc_denial_loader_detach (job->loader);

  /* Take the reader back for following; a failed open leaves none. */
  g_clear_pointer (&self->reader, sc_journal_reader_free);
  self->reader = sc_denial_loader_steal_reader (job->loader);

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_spinner_stop (self->status_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), FALSE);

  if (sc_denial_loader_get_warnings (job->loader)->len > 0)
    {
      GPtrArray *warnings = sc_denial_loader_get_warnings (job->loader);
      g_autoptr(GString) notes = g_string_new (NULL);

      for (guint i = 0; i < warnings->len; i++)
        {
          if (i > 0)
            g_string_append_c (notes, '\n');
          g_string_append (notes, g_ptr_array_index (warnings, i));
        }
      gtk_label_set_label (self->notes_label, notes->str);
      gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
    }

  if (job->error != NULL)
    {
      if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Nothing to say: a newer load replaced this one. */
        }
      else if (job->initial)
        {
          g_autofree char *description = NULL;

          if (g_error_matches (job->error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION))
            {
              adw_status_page_set_title (self->error_page, _("No Permission to Read the Journal"));
              description = g_strdup_printf ("%s\n\n%s", job->error->message,
                                             _("Add yourself to the “systemd-journal” group "
                                               "(“adm” on Debian and Ubuntu) with "
                                               "“sudo usermod -aG systemd-journal $USER”, "
                                               "then log out and back in."));
            }
          else
            {
              adw_status_page_set_title (self->error_page, _("Cannot Read Denials"));
              description = g_strdup (job->error->message);
            }
          adw_status_page_set_description (self->error_page, description);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        {
          _sc_denial_sidebar_emit_toast (self, adw_toast_new (job->error->message));
        }
    }

  _sc_denial_sidebar_update_status (self);
  _sc_denial_sidebar_notify_loading (self);
  _sc_denial_sidebar_update_follow (self);
}

static FlushMode
flush_mode (LoadJob *job)
{
  if (!job->initial || job->done)
    return FLUSH_NOW;
  if (g_get_monotonic_time () - job->started < HOLD_USEC)
    return FLUSH_HOLD;
  return FLUSH_THROTTLED;
}

static gboolean
apply_cb (ScDenialLoader *loader,
          gpointer        data)
{
  LoadJob *job = data;
  ScDenialSidebar *self = job->sidebar;
  gint64 deadline = g_get_monotonic_time () + APPLY_BUDGET_USEC;
  guint n = 0;

  if (self == NULL)
    return FALSE;

  for (;;)
    {
      if (job->applying == NULL || job->applying_pos >= job->applying->len)
        {
          g_clear_pointer (&job->applying, g_ptr_array_unref);
          job->applying_pos = 0;
          job->applying = sc_denial_loader_take_batch (loader, &self->n_lost, &self->n_records,
                                                       &self->n_dropped);
          if (job->applying == NULL)
            {
              if (_sc_denial_sidebar_flush_pending (self, flush_mode (job)) && job->done)
                finish_job (self, job);
              else
                _sc_denial_sidebar_update_status (self);
              return FALSE;
            }
        }

      _sc_denial_sidebar_apply_snapshot (self, g_ptr_array_index (job->applying, job->applying_pos++));

      if (++n % 32 == 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  _sc_denial_sidebar_flush_pending (self, flush_mode (job));
  _sc_denial_sidebar_update_status (self);
  return TRUE;
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  g_autoptr(GError) error = NULL;

  sc_denial_loader_run_finish (job->loader, result, &error);
  job->error = g_steal_pointer (&error);
  job->done = TRUE;

  /* The last batches may still wait: apply_cb finishes the job after
   * them, in order. */
  sc_denial_loader_schedule (job->loader);
}

void
_sc_denial_sidebar_cancel_job (ScDenialSidebar *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->job != NULL)
    {
      self->job->sidebar = NULL;
      sc_denial_loader_detach (self->job->loader);
      g_clear_pointer (&self->job, load_job_unref);
    }
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

void
_sc_denial_sidebar_start_job (ScDenialSidebar *self,
           gboolean         initial)
{
  LoadJob *job;

  g_assert (self->job == NULL);

  job = g_atomic_rc_box_new0 (LoadJob);
  job->sidebar = self;
  job->initial = initial;
  job->started = g_get_monotonic_time ();
  job->loader = sc_denial_loader_new (self->store, &self->options,
                                      g_steal_pointer (&self->reader));
  /* The job lives as long as the loader calls back. */
  sc_denial_loader_set_ready_func (job->loader, apply_cb, job);

  self->job = job;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  self->loading = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), TRUE);
  gtk_spinner_start (self->status_spinner);
  _sc_denial_sidebar_notify_loading (self);

  sc_denial_loader_run_async (job->loader, self->cancellable, load_done_cb, load_job_ref (job));
}

/* ---- Follow ----------------------------------------------------------- */

static gboolean
reader_ready_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  ScDenialSidebar *self = user_data;

  if (self->reader == NULL || self->job != NULL)
    return G_SOURCE_CONTINUE;

  if (!sc_journal_reader_process (self->reader))
    return G_SOURCE_CONTINUE;

  /* The worker owns the reader until it is done; update_follow() puts the
   * watch back then. */
  g_clear_pointer (&self->fd_source, g_source_unref);
  _sc_denial_sidebar_start_job (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
_sc_denial_sidebar_update_follow (ScDenialSidebar *self)
{
  gboolean want = self->follow && self->reader != NULL && self->job == NULL;
  int fd;

  if (!want)
    {
      if (self->fd_source != NULL)
        {
          g_source_destroy (self->fd_source);
          g_clear_pointer (&self->fd_source, g_source_unref);
        }
      return;
    }

  if (self->fd_source != NULL)
    return;

  fd = sc_journal_reader_get_fd (self->reader);
  if (fd < 0)
    return;

  self->fd_source = g_unix_fd_source_new (fd, (GIOCondition) sc_journal_reader_get_events (self->reader));
  g_source_set_callback (self->fd_source, G_SOURCE_FUNC (reader_ready_cb), self, NULL);
  g_source_set_static_name (self->fd_source, "[sc-denial-sidebar] follow");
  g_source_attach (self->fd_source, NULL);

  /* Records may have arrived between the end of the read and now. */
  if (sc_journal_reader_process (self->reader))
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
      _sc_denial_sidebar_start_job (self, FALSE);
    }
}

