workspace "Log with a stream processor" "Exported from Concord" {
  !identifiers flat

  model {
    system = softwareSystem "Log with a stream processor" {
      c_tpl_browser = container "Web shop" "Web / mobile client" "web-client" {
        properties {
          "offline" "online-only"
          "platform" "browser"
          "retryPolicy" "backoff"
        }
      }
      c_tpl_ingest = container "Event ingest API" "Stateless service" "stateless-service" {
        properties {
          "autoscaling" "request-rate"
          "deployment" "rolling"
          "idempotency" "keys"
          "replicasDesired" "4"
          "replicasMax" "20"
          "replicasMin" "2"
          "throughput" "50000"
        }
      }
      c_tpl_monitoring = container "Lag monitor" "Monitoring / autoscaler" "monitoring" {
        properties {
          "alerting" "thresholds"
          "cooldown" "180000"
          "scalingSignal" "queue-lag"
          "scrapeInterval" "10000"
        }
      }
      c_tpl_log = container "clicks topic" "Partitioned log / pub-sub" "partitioned-log" {
        properties {
          "acks" "all"
          "idempotentProducer" "true"
          "minInSync" "2"
          "ordering" "per-key"
          "partitions" "24"
          "placement" "multi-zone"
          "replicationFactor" "3"
          "retention" "604800000"
          "throughput" "50000"
        }
      }
      c_tpl_controllers = container "KRaft controllers" "Coordination service" "coordination-service" {
        properties {
          "consensus" "raft"
          "consistency" "linearizable"
          "ensembleSize" "3"
          "pacelc" "PC/EC"
          "reads" "quorum"
          "sessionTimeout" "18000"
        }
      }
      c_tpl_processor = container "Sessionizer" "Stream processor" "stream-processor" {
        properties {
          "allowedLateness" "300000"
          "checkpointInterval" "30000"
          "guarantee" "exactly-once"
          "parallelism" "24"
          "state" "stateful"
          "timeSemantics" "event"
          "windowSize" "1800000"
          "windows" "session"
        }
      }
      c_tpl_scheduler = container "Job manager" "Resource manager / scheduler" "resource-manager" {
        properties {
          "heartbeat" "5000"
          "highAvailability" "active-standby"
          "managedNodes" "6"
          "policy" "fifo"
          "preemption" "false"
        }
      }
      c_tpl_lake = container "Sessions lake" "Data warehouse / lake" "data-warehouse" {
        properties {
          "format" "iceberg"
          "freshness" "300000"
          "partitionBy" "date"
          "storedData" "40"
        }
      }
      c_tpl_counters = container "Live counters" "Cache" "cache" {
        properties {
          "eviction" "ttl"
          "hitRatio" "99"
          "memoryGb" "4"
          "ttl" "3600000"
          "writePolicy" "write-through"
        }
      }
    }

    c_tpl_browser -> c_tpl_ingest "asynchronous" "HTTPS (HTTP/1.1)"
    c_tpl_ingest -> c_tpl_log "asynchronous" "Kafka protocol"
    c_tpl_log -> c_tpl_processor "streaming" "Kafka protocol"
    c_tpl_processor -> c_tpl_lake "asynchronous" "HTTPS (HTTP/1.1)"
    c_tpl_processor -> c_tpl_counters "asynchronous" "RESP (Redis)"
    c_tpl_log -> c_tpl_controllers "synchronous" "TCP (custom)"
    c_tpl_scheduler -> c_tpl_processor "synchronous" "TCP (custom)"
    c_tpl_monitoring -> c_tpl_log "synchronous" "HTTPS (HTTP/1.1)"

    deploymentEnvironment "Board" {
      g_tpl_kafka = deploymentNode "Kafka cluster" "Cluster" {
        containerInstance c_tpl_log
        containerInstance c_tpl_controllers
      }
      g_tpl_flink = deploymentNode "Flink cluster" "Cluster" {
        containerInstance c_tpl_processor
        containerInstance c_tpl_scheduler
      }
    }
  }

  views {
    systemContext system {
      include *
      autolayout lr
    }
    container system {
      include *
      autolayout lr
    }
    deployment system "Board" {
      include *
      autolayout lr
    }
    styles {
      element "Person" {
        shape person
      }
      element "External" {
        background #999999
      }
    }
  }
}
