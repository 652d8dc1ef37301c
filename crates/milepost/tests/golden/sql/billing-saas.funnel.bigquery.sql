WITH p AS (
  SELECT
    CAST(1719791999 AS INT64) AS cutoff
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
        COALESCE(UNIX_DATE(cu.`start_date`) * 86400, CAST(FLOOR(fe.f / 86400.0) AS INT64) * 86400) AS st,
        UNIX_DATE(cu.`churn_date`) * 86400 AS ch,
        cu.`segment` AS seg,
        cu.`plan` AS pl,
        cu.`owner` AS ow,
        cu.`arr` AS arr
      FROM
        `customers` AS cu
        LEFT JOIN (SELECT x.`customer_id` AS c, UNIX_SECONDS(MIN(x.`ts`)) AS f FROM `events` AS x GROUP BY x.`customer_id`) AS fe ON fe.c = cu.`customer_id`
    ) AS y
    CROSS JOIN p AS p
  WHERE
    y.st <= p.cutoff
), ev0 AS (
  SELECT
    x.`customer_id` AS c,
    UNIX_SECONDS(x.`ts`) AS t,
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
    END AS e,
    CAST(COALESCE(x.`value`, 1) AS FLOAT64) AS v,
    x.`seq` AS s
  FROM
    `events` AS x
  WHERE
    x.`event` IN ('account_configured', 'billing_cycle_completed', 'user_login', 'ar_days', 'module_purchased', 'referral_given')
), ev AS (
  SELECT
    ev0.c,
    ev0.t,
    ev0.e,
    ev0.v,
    ev0.s,
    CAST(FLOOR(ev0.t / 86400.0) AS INT64) AS d,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY ev0.c, ev0.e, CAST(FLOOR(ev0.t / 86400.0) AS INT64) ORDER BY ev0.t, ev0.s) = 1 THEN
        1
      ELSE
        0
    END AS fd,
    CASE
      WHEN ROW_NUMBER() OVER (PARTITION BY ev0.c, ev0.e, CAST(FLOOR(ev0.t / 86400.0) AS INT64) ORDER BY ev0.t DESC, ev0.s DESC) = 1 THEN
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
), fu AS (
  SELECT
    pop.c,
    pop.st,
    pop.ch,
    r0.at AS a0,
    r1.at AS a1,
    r2.at AS a2,
    r3.at AS a3,
    r4.at AS a4,
    r5.at AS a5,
    r6.at AS a6,
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
    END AS f
  FROM
    pop AS pop
    LEFT JOIN r0 AS r0 ON r0.c = pop.c
    LEFT JOIN r1 AS r1 ON r1.c = pop.c
    LEFT JOIN r2 AS r2 ON r2.c = pop.c
    LEFT JOIN r3 AS r3 ON r3.c = pop.c
    LEFT JOIN r4 AS r4 ON r4.c = pop.c
    LEFT JOIN r5 AS r5 ON r5.c = pop.c
    LEFT JOIN r6 AS r6 ON r6.c = pop.c
)
SELECT
  x.milestone_id,
  x.position,
  x.reached,
  CASE
    WHEN x.previous > 0 THEN
      CAST(x.reached AS FLOAT64) / CAST(x.previous AS FLOAT64)
  END AS conversion_from_previous,
  CASE
    WHEN x.customers > 0 THEN
      CAST(x.reached AS FLOAT64) / CAST(x.customers AS FLOAT64)
  END AS conversion_from_start,
  x.median_days_from_start,
  x.p75_days_from_start,
  x.median_days_from_previous,
  x.p75_days_from_previous,
  x.churned,
  CASE
    WHEN x.furthest > 0 THEN
      CAST(x.churned AS FLOAT64) / CAST(x.furthest AS FLOAT64)
  END AS churn_rate,
  x.furthest
FROM
  (
    SELECT
      'configured' AS milestone_id,
      1 AS position,
      COUNT(a0) AS reached,
      COUNT(*) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 1 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 1 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a0 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a0 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a0 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a0 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
    UNION ALL
    SELECT
      'first-cycle' AS milestone_id,
      2 AS position,
      COUNT(a1) AS reached,
      COUNT(a0) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 2 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 2 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a1 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a1 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a1 - a0 AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a1 - a0 AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
    UNION ALL
    SELECT
      'healthy-usage' AS milestone_id,
      3 AS position,
      COUNT(a2) AS reached,
      COUNT(a1) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 3 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 3 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a2 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a2 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a2 - a1 AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a2 - a1 AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
    UNION ALL
    SELECT
      'team-active' AS milestone_id,
      4 AS position,
      COUNT(a3) AS reached,
      COUNT(a2) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 4 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 4 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a3 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a3 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a3 - a2 AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a3 - a2 AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
    UNION ALL
    SELECT
      'ar-down' AS milestone_id,
      5 AS position,
      COUNT(a4) AS reached,
      COUNT(a3) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 5 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 5 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a4 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a4 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a4 - a3 AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a4 - a3 AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
    UNION ALL
    SELECT
      'next-module' AS milestone_id,
      6 AS position,
      COUNT(a5) AS reached,
      COUNT(a4) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 6 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 6 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a5 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a5 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a5 - a4 AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a5 - a4 AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
    UNION ALL
    SELECT
      'reference' AS milestone_id,
      7 AS position,
      COUNT(a6) AS reached,
      COUNT(a5) AS previous,
      COUNT(*) AS customers,
      MAX(q0) AS median_days_from_start,
      MAX(q1) AS p75_days_from_start,
      MAX(q2) AS median_days_from_previous,
      MAX(q3) AS p75_days_from_previous,
      COUNT(CASE WHEN f = 7 AND ch <= p.cutoff THEN 1 END) AS churned,
      COUNT(CASE WHEN f = 7 THEN 1 END) AS furthest
    FROM
      (
        SELECT
          c,
          st,
          ch,
          a0,
          a1,
          a2,
          a3,
          a4,
          a5,
          a6,
          f,
          PERCENTILE_CONT(CAST(a6 - st AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q0,
          PERCENTILE_CONT(CAST(a6 - st AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q1,
          PERCENTILE_CONT(CAST(a6 - a5 AS FLOAT64) / 86400.0, 0.5) OVER (
            
          ) AS q2,
          PERCENTILE_CONT(CAST(a6 - a5 AS FLOAT64) / 86400.0, 0.75) OVER (
            
          ) AS q3
        FROM
          fu AS fu
      ) AS fu
      CROSS JOIN p AS p
  ) AS x ORDER BY position
