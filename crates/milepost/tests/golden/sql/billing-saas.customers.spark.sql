WITH p AS (
  SELECT
    CAST(1719791999 AS BIGINT) AS cutoff
), pop AS (
  SELECT
    y.c,
    y.st,
    y.ch,
    y.seg,
    y.pl,
    y.ow,
    y.arr
  FROM
    (
      SELECT
        cu.`customer_id` AS c,
        COALESCE(unix_date(cu.`start_date`) * 86400, CAST(FLOOR(fe.f / 86400.0) AS BIGINT) * 86400) AS st,
        unix_date(cu.`churn_date`) * 86400 AS ch,
        cu.`segment` AS seg,
        cu.`plan` AS pl,
        cu.`owner` AS ow,
        cu.`arr` AS arr
      FROM
        `customers` AS cu
        LEFT JOIN (SELECT x.`customer_id` AS c, unix_seconds(MIN(x.`ts`)) AS f FROM `events` AS x GROUP BY x.`customer_id`) AS fe ON fe.c = cu.`customer_id`
    ) AS y
    CROSS JOIN p AS p
  WHERE
    y.st <= p.cutoff
), ev0 AS (
  SELECT
    x.`customer_id` AS c,
    unix_seconds(x.`ts`) AS t,
    CASE x.`event`
      WHEN 'account_configured' THEN
        0
      WHEN 'billing_cycle_completed' THEN
        1
      WHEN 'user_login' THEN
        2
      WHEN 'ar_days' THEN
        3
      WHEN 'module_purchased' THEN
        4
      WHEN 'referral_given' THEN
        5
      WHEN 'dunning_enabled' THEN
        6
      WHEN 'integration_enabled' THEN
        7
      WHEN 'report_shared' THEN
        8
    END AS e,
    CAST(COALESCE(x.`value`, 1) AS DOUBLE) AS v,
    x.`seq` AS s
  FROM
    `events` AS x
  WHERE
    x.`event` IN ('account_configured', 'billing_cycle_completed', 'user_login', 'ar_days', 'module_purchased', 'referral_given', 'dunning_enabled', 'integration_enabled', 'report_shared')
), ev AS (
  SELECT
    ev0.c,
    ev0.t,
    ev0.e,
    ev0.v,
    ev0.s,
    CAST(FLOOR(ev0.t / 86400.0) AS BIGINT) AS d,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY ev0.c, ev0.e, CAST(FLOOR(ev0.t / 86400.0) AS BIGINT) ORDER BY ev0.t, ev0.s) = 1 THEN
        1
      ELSE
        0
    END AS fd,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY ev0.c, ev0.e, CAST(FLOOR(ev0.t / 86400.0) AS BIGINT) ORDER BY ev0.t DESC, ev0.s DESC) = 1 THEN
        1
      ELSE
        0
    END AS ld
  FROM
    ev0 AS ev0
    INNER JOIN pop AS pop ON pop.c = ev0.c
    CROSS JOIN p AS p
  WHERE
    ev0.t <= p.cutoff
), m0a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 0 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (0)
), m0 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m0a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r0 AS (
  SELECT
    m.c,
    m.own AS at
  FROM
    m0 AS m
), m1a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (1)
), m1 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m1a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r1 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m1 AS m
    INNER JOIN r0 AS r ON r.c = m.c
), m2a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (1)
), m2 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m2a AS m
  WHERE
    a0 >= 3
  GROUP BY
    c
), r2 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m2 AS m
    INNER JOIN r1 AS r ON r.c = m.c
), m3a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 2 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0,
    SUM(CASE WHEN e = 2 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN 2591999 PRECEDING AND CURRENT ROW
    ) AS g0,
    SUM(CASE WHEN e = 2 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS b0
  FROM
    ev AS ev
  WHERE
    e IN (2)
), m3 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m3a AS m
  WHERE
    (CASE WHEN a0 > 0 THEN 1 ELSE 0 END + g0 - CASE WHEN b0 > 0 THEN 1 ELSE 0 END) >= 10
  GROUP BY
    c
), r3 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m3 AS m
    INNER JOIN r2 AS r ON r.c = m.c
), m4a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY c, t ORDER BY s DESC) = 1 THEN
        1
      ELSE
        0
    END AS h,
    SUM(CASE WHEN e = 3 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t, s
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS n0
  FROM
    ev AS ev
  WHERE
    e IN (3)
), m4b AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    h,
    n0,
    MAX(CASE WHEN e = 3 THEN v END) OVER (
      PARTITION BY c, n0
    ) AS lv0,
    MAX(CASE WHEN e = 3 THEN t END) OVER (
      PARTITION BY c, n0
    ) AS lt0
  FROM
    m4a AS m
), m4 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m4b AS m
  WHERE
    h = 1 AND lv0 <= 45
  GROUP BY
    c
), r4 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m4 AS m
    INNER JOIN r3 AS r ON r.c = m.c
), m5a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 4 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (4)
), m5 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m5a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r5 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m5 AS m
    INNER JOIN r4 AS r ON r.c = m.c
), m6a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 5 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (5)
), m6 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    m6a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), r6 AS (
  SELECT
    m.c,
    GREATEST(m.own, r.at) AS at
  FROM
    m6 AS m
    INNER JOIN r5 AS r ON r.c = m.c
), x0 AS (
  SELECT
    ev.c,
    COUNT(*) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 1
  GROUP BY
    ev.c
), x1 AS (
  SELECT
    ev.c,
    COUNT(*) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 1 AND ev.t > p.cutoff - 7776000
  GROUP BY
    ev.c
), x2 AS (
  SELECT
    ev.c,
    COUNT(DISTINCT ev.d) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 2 AND ev.t > p.cutoff - 2592000
  GROUP BY
    ev.c
), x3 AS (
  SELECT
    y.c,
    y.v
  FROM
    (
      SELECT
        ev.c,
        ev.v,
        ROW_NUMBER() OVER (
          PARTITION BY ev.c
          ORDER BY ev.t DESC, ev.s DESC
        ) AS rn
      FROM
        ev AS ev
        CROSS JOIN p AS p
        INNER JOIN pop AS pop ON pop.c = ev.c
      WHERE
        ev.e = 3
    ) AS y
  WHERE
    y.rn = 1
), x4 AS (
  SELECT
    ev.c,
    COUNT(*) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 4
  GROUP BY
    ev.c
), x5 AS (
  SELECT
    ev.c,
    COUNT(*) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 5
  GROUP BY
    ev.c
), w0 AS (
  SELECT
    ev.c,
    COUNT(*) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 1 AND ev.t >= pop.st AND ev.t < pop.st + 7776000
  GROUP BY
    ev.c
), w1 AS (
  SELECT
    ev.c,
    COUNT(DISTINCT ev.d) AS v
  FROM
    ev AS ev
    CROSS JOIN p AS p
    INNER JOIN pop AS pop ON pop.c = ev.c
  WHERE
    ev.e = 2 AND ev.t >= pop.st AND ev.t < pop.st + 5184000
  GROUP BY
    ev.c
), w2 AS (
  SELECT
    y.c,
    y.v
  FROM
    (
      SELECT
        ev.c,
        ev.v,
        ROW_NUMBER() OVER (
          PARTITION BY ev.c
          ORDER BY ev.t DESC, ev.s DESC
        ) AS rn
      FROM
        ev AS ev
        CROSS JOIN p AS p
        INNER JOIN pop AS pop ON pop.c = ev.c
      WHERE
        ev.e = 3 AND ev.t >= pop.st AND ev.t < pop.st + 5184000
    ) AS y
  WHERE
    y.rn = 1
), q0a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 0 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (0)
), q0 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q0a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), q1a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (1)
), q1 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q1a AS m
  WHERE
    a0 >= 3
  GROUP BY
    c
), q2a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 6 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (6)
), q2 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q2a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), q3a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 2 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0,
    SUM(CASE WHEN e = 2 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN 2591999 PRECEDING AND CURRENT ROW
    ) AS g0,
    SUM(CASE WHEN e = 2 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS b0
  FROM
    ev AS ev
  WHERE
    e IN (2)
), q3 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q3a AS m
  WHERE
    (CASE WHEN a0 > 0 THEN 1 ELSE 0 END + g0 - CASE WHEN b0 > 0 THEN 1 ELSE 0 END) >= 10
  GROUP BY
    c
), q4a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 7 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (7)
), q4 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q4a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
), q5a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 8 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0,
    SUM(CASE WHEN e = 8 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN 2591999 PRECEDING AND CURRENT ROW
    ) AS g0,
    SUM(CASE WHEN e = 8 AND ld = 1 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c, d
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS b0
  FROM
    ev AS ev
  WHERE
    e IN (8)
), q5 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q5a AS m
  WHERE
    (CASE WHEN a0 > 0 THEN 1 ELSE 0 END + g0 - CASE WHEN b0 > 0 THEN 1 ELSE 0 END) >= 4
  GROUP BY
    c
), q6a AS (
  SELECT
    c,
    t,
    e,
    v,
    s,
    SUM(CASE WHEN e = 4 THEN 1 ELSE 0 END) OVER (
      PARTITION BY c
      ORDER BY t
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS a0
  FROM
    ev AS ev
  WHERE
    e IN (4)
), q6 AS (
  SELECT
    c,
    MIN(t) AS own
  FROM
    q6a AS m
  WHERE
    a0 >= 1
  GROUP BY
    c
)
SELECT
  pop.c AS customer_id,
  CASE
    WHEN r0.at IS NULL THEN
      'onboard'
    WHEN r1.at IS NULL THEN
      'onboard'
    WHEN r2.at IS NULL THEN
      'adopt'
    WHEN r3.at IS NULL THEN
      'adopt'
    WHEN r4.at IS NULL THEN
      'retain'
    WHEN r5.at IS NULL THEN
      'expand'
    WHEN r6.at IS NULL THEN
      'advocate'
    ELSE
      'advocate'
  END AS stage_id,
  CASE
    WHEN r6.at IS NOT NULL THEN
      'reference'
    WHEN r5.at IS NOT NULL THEN
      'next-module'
    WHEN r4.at IS NOT NULL THEN
      'ar-down'
    WHEN r3.at IS NOT NULL THEN
      'team-active'
    WHEN r2.at IS NOT NULL THEN
      'healthy-usage'
    WHEN r1.at IS NOT NULL THEN
      'first-cycle'
    WHEN r0.at IS NOT NULL THEN
      'configured'
  END AS furthest_milestone_id,
  CASE
    WHEN r6.at IS NOT NULL THEN
      7
    WHEN r5.at IS NOT NULL THEN
      6
    WHEN r4.at IS NOT NULL THEN
      5
    WHEN r3.at IS NOT NULL THEN
      4
    WHEN r2.at IS NOT NULL THEN
      3
    WHEN r1.at IS NOT NULL THEN
      2
    WHEN r0.at IS NOT NULL THEN
      1
    ELSE
      0
  END AS milestones_reached,
  CASE
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 0 THEN
      CAST(p.cutoff + 1 - pop.st AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 1 THEN
      CAST(p.cutoff + 1 - pop.st AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 2 THEN
      CAST(p.cutoff + 1 - r1.at AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 3 THEN
      CAST(p.cutoff + 1 - r1.at AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 4 THEN
      CAST(p.cutoff + 1 - r3.at AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 5 THEN
      CAST(p.cutoff + 1 - r4.at AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 6 THEN
      CAST(p.cutoff + 1 - r5.at AS DOUBLE) / 86400.0
    WHEN CASE WHEN r6.at IS NOT NULL THEN 7 WHEN r5.at IS NOT NULL THEN 6 WHEN r4.at IS NOT NULL THEN 5 WHEN r3.at IS NOT NULL THEN 4 WHEN r2.at IS NOT NULL THEN 3 WHEN r1.at IS NOT NULL THEN 2 WHEN r0.at IS NOT NULL THEN 1 ELSE 0 END = 7 THEN
      CAST(p.cutoff + 1 - r5.at AS DOUBLE) / 86400.0
  END AS days_in_stage,
  CASE
    WHEN pop.ch <= p.cutoff THEN
      true
    ELSE
      false
  END AS churned,
  COALESCE(CAST(x0.v AS DOUBLE), CAST(0 AS DOUBLE)) AS metric_cycles_completed,
  COALESCE(CAST(x1.v AS DOUBLE), CAST(0 AS DOUBLE)) AS metric_cycles_90d,
  COALESCE(CAST(x2.v AS DOUBLE), CAST(0 AS DOUBLE)) AS metric_active_days,
  CAST(x3.v AS DOUBLE) AS metric_ar_days,
  COALESCE(CAST(x4.v AS DOUBLE), CAST(0 AS DOUBLE)) AS metric_modules,
  COALESCE(CAST(x5.v AS DOUBLE), CAST(0 AS DOUBLE)) AS metric_referrals,
  CAST(w0.v AS DOUBLE) AS baseline_cycles_90d,
  CAST(w1.v AS DOUBLE) AS baseline_active_days,
  CAST(w2.v AS DOUBLE) AS baseline_ar_days,
  CASE
    WHEN q0.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_billing_setup,
  CASE
    WHEN q1.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_automated_runs,
  CASE
    WHEN q2.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_dunning,
  CASE
    WHEN q3.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_daily_finance_use,
  CASE
    WHEN q4.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_erp_integration,
  CASE
    WHEN q5.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_scheduled_reports,
  CASE
    WHEN q6.own IS NOT NULL THEN
      true
    ELSE
      false
  END AS adopted_second_module,
  timestamp_seconds(p.cutoff) AS as_of_end
FROM
  pop AS pop
  CROSS JOIN p AS p
  LEFT JOIN r0 AS r0 ON r0.c = pop.c
  LEFT JOIN r1 AS r1 ON r1.c = pop.c
  LEFT JOIN r2 AS r2 ON r2.c = pop.c
  LEFT JOIN r3 AS r3 ON r3.c = pop.c
  LEFT JOIN r4 AS r4 ON r4.c = pop.c
  LEFT JOIN r5 AS r5 ON r5.c = pop.c
  LEFT JOIN r6 AS r6 ON r6.c = pop.c
  LEFT JOIN x0 AS x0 ON x0.c = pop.c
  LEFT JOIN x1 AS x1 ON x1.c = pop.c
  LEFT JOIN x2 AS x2 ON x2.c = pop.c
  LEFT JOIN x3 AS x3 ON x3.c = pop.c
  LEFT JOIN x4 AS x4 ON x4.c = pop.c
  LEFT JOIN x5 AS x5 ON x5.c = pop.c
  LEFT JOIN w0 AS w0 ON w0.c = pop.c
  LEFT JOIN w1 AS w1 ON w1.c = pop.c
  LEFT JOIN w2 AS w2 ON w2.c = pop.c
  LEFT JOIN q0 AS q0 ON q0.c = pop.c
  LEFT JOIN q1 AS q1 ON q1.c = pop.c
  LEFT JOIN q2 AS q2 ON q2.c = pop.c
  LEFT JOIN q3 AS q3 ON q3.c = pop.c
  LEFT JOIN q4 AS q4 ON q4.c = pop.c
  LEFT JOIN q5 AS q5 ON q5.c = pop.c
  LEFT JOIN q6 AS q6 ON q6.c = pop.c
