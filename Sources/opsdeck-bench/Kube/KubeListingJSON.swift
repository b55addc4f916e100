import Foundation

/// What `kubectl get deployments -o json` and `kubectl get pods -o json` print for a big namespace:
/// a `List` of objects shaped like the API's (the fields kubectl shows, zero counters left out),
/// pretty-printed with kubectl's four-space indent. Every tenth deployment is mid-rollout (a pod
/// of the old ReplicaSet still up), every fiftieth has a pod in CrashLoopBackOff.
struct KubeListingJSON {
    let deployments: Int
    let pods: Int

    /// Pods of deployment `index`: `pods` spread evenly, the remainder on the first ones.
    func podCount(of index: Int) -> Int { pods / deployments + (index < pods % deployments ? 1 : 0) }

    func deploymentList() -> [UInt8] {
        list((0..<deployments).map(deployment))
    }

    func podList() -> [UInt8] {
        var items: [String] = []
        items.reserveCapacity(pods)
        for index in 0..<deployments {
            for replica in 0..<podCount(of: index) { items.append(pod(of: index, replica: replica)) }
        }
        return list(items)
    }

    private func list(_ items: [String]) -> [UInt8] {
        let body = items.joined(separator: ",\n")
        let text = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + body
            + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"
        return Array(text.utf8)
    }

    private static let created = "2026-11-28T09:00:00Z"

    private func name(_ index: Int) -> String { "svc-\(index)" }
    private func hash(_ index: Int, old: Bool = false) -> String { String(format: "%010x", index * 7919 + (old ? 1 : 0)) }
    private func image(_ index: Int, old: Bool = false) -> String {
        "registry.example.com/shop/\(name(index)):1.\(index % 40).\(old ? 0 : 1)"
    }

    private func deployment(_ index: Int) -> String {
        let replicas = podCount(of: index)
        let rolling = index % 10 == 0 && replicas > 1
        let crashing = index % 50 == 7 && replicas > 0
        let available = replicas - (crashing ? 1 : 0) - (rolling ? 1 : 0)
        var counters: [(String, Int)] = [("availableReplicas", available), ("observedGeneration", 4),
                                         ("readyReplicas", available), ("replicas", replicas),
                                         ("unavailableReplicas", replicas - available),
                                         ("updatedReplicas", rolling ? replicas - 1 : replicas)]
        counters.removeAll { $0.1 == 0 }
        let status = counters.map { "            \"\($0.0)\": \($0.1)" }.joined(separator: ",\n")
        return """
                {
                    "apiVersion": "apps/v1",
                    "kind": "Deployment",
                    "metadata": {
                        "annotations": {
                            "deployment.kubernetes.io/revision": "4",
                            "kubernetes.io/change-cause": "deploy 1.\(index % 40).1 by opsdeck"
                        },
                        "creationTimestamp": "\(Self.created)",
                        "generation": 4,
                        "labels": {
                            "app": "\(name(index))"
                        },
                        "name": "\(name(index))",
                        "namespace": "shop",
                        "resourceVersion": "\(100_000 + index)",
                        "uid": "\(uid("deployment", index, 0))"
                    },
                    "spec": {
                        "progressDeadlineSeconds": 600,
                        "replicas": \(replicas),
                        "revisionHistoryLimit": 10,
                        "selector": {
                            "matchLabels": {
                                "app": "\(name(index))"
                            }
                        },
                        "strategy": {
                            "rollingUpdate": {
                                "maxSurge": "25%",
                                "maxUnavailable": "25%"
                            },
                            "type": "RollingUpdate"
                        },
                        "template": {
                            "metadata": {
                                "creationTimestamp": null,
                                "labels": {
                                    "app": "\(name(index))"
                                }
                            },
                            "spec": {
                                "containers": [
                                    {
                                        "image": "\(image(index))",
                                        "imagePullPolicy": "IfNotPresent",
                                        "name": "app",
                                        "ports": [
                                            {
                                                "containerPort": 8080,
                                                "protocol": "TCP"
                                            }
                                        ],
                                        "resources": {},
                                        "terminationMessagePath": "/dev/termination-log",
                                        "terminationMessagePolicy": "File"
                                    }
                                ],
                                "dnsPolicy": "ClusterFirst",
                                "restartPolicy": "Always",
                                "schedulerName": "default-scheduler",
                                "securityContext": {},
                                "terminationGracePeriodSeconds": 30
                            }
                        }
                    },
                    "status": {
        \(status),
                        "conditions": [
                            {
                                "lastTransitionTime": "\(Self.created)",
                                "lastUpdateTime": "\(Self.created)",
                                "message": "Deployment has minimum availability.",
                                "reason": "MinimumReplicasAvailable",
                                "status": "True",
                                "type": "Available"
                            },
                            {
                                "lastTransitionTime": "\(Self.created)",
                                "lastUpdateTime": "2026-11-28T09:05:00Z",
                                "message": "ReplicaSet \\"\(name(index))-\(hash(index))\\" \(rolling ? "is progressing." : "has successfully progressed.")",
                                "reason": "\(rolling ? "ReplicaSetUpdated" : "NewReplicaSetAvailable")",
                                "status": "True",
                                "type": "Progressing"
                            }
                        ]
                    }
                }
        """
    }

    private func pod(of index: Int, replica: Int) -> String {
        let replicas = podCount(of: index)
        let old = index % 10 == 0 && replicas > 1 && replica == replicas - 1
        let crashing = index % 50 == 7 && replica == 0
        let replicaSet = "\(name(index))-\(hash(index, old: old))"
        let podName = "\(replicaSet)-\(String(format: "%05x", replica))"
        let state = crashing
            ? """
                            "state": {
                                "waiting": {
                                    "message": "back-off 5m0s restarting failed container=app pod=\(podName)",
                                    "reason": "CrashLoopBackOff"
                                }
                            }
            """
            : """
                            "state": {
                                "running": {
                                    "startedAt": "\(Self.created)"
                                }
                            }
            """
        let lastState = crashing
            ? """
                            "lastState": {
                                "terminated": {
                                    "exitCode": 137,
                                    "finishedAt": "2026-11-28T09:04:00Z",
                                    "reason": "OOMKilled",
                                    "startedAt": "2026-11-28T09:03:00Z"
                                }
                            },
            """
            : "                    \"lastState\": {},"
        let ready = crashing ? "False" : "True"
        return """
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "metadata": {
                        "creationTimestamp": "\(Self.created)",
                        "generateName": "\(replicaSet)-",
                        "labels": {
                            "app": "\(name(index))",
                            "pod-template-hash": "\(hash(index, old: old))"
                        },
                        "name": "\(podName)",
                        "namespace": "shop",
                        "ownerReferences": [
                            {
                                "apiVersion": "apps/v1",
                                "blockOwnerDeletion": true,
                                "controller": true,
                                "kind": "ReplicaSet",
                                "name": "\(replicaSet)",
                                "uid": "\(uid("rs", index, old ? 1 : 0))"
                            }
                        ],
                        "resourceVersion": "\(200_000 + replica)",
                        "uid": "\(uid("pod", index, replica))"
                    },
                    "spec": {
                        "containers": [
                            {
                                "image": "\(image(index, old: old))",
                                "imagePullPolicy": "IfNotPresent",
                                "name": "app",
                                "resources": {}
                            }
                        ],
                        "nodeName": "node-\(replica % 20)",
                        "restartPolicy": "Always",
                        "serviceAccountName": "default"
                    },
                    "status": {
                        "conditions": [
                            {
                                "lastTransitionTime": "\(Self.created)",
                                "status": "True",
                                "type": "Initialized"
                            },
                            {
                                "lastTransitionTime": "\(Self.created)",
                                "status": "\(ready)",
                                "type": "Ready"
                            },
                            {
                                "lastTransitionTime": "\(Self.created)",
                                "status": "\(ready)",
                                "type": "ContainersReady"
                            },
                            {
                                "lastTransitionTime": "\(Self.created)",
                                "status": "True",
                                "type": "PodScheduled"
                            }
                        ],
                        "containerStatuses": [
                            {
                                "containerID": "containerd://\(String(format: "%064x", index * 100_000 + replica))",
                                "image": "\(image(index, old: old))",
                                "imageID": "registry.example.com/shop/\(name(index))@sha256:\(String(format: "%064x", index * 2 + (old ? 1 : 0)))",
        \(lastState)
                                "name": "app",
                                "ready": \(!crashing),
                                "restartCount": \(crashing ? 7 : 0),
                                "started": \(!crashing),
        \(state)
                            }
                        ],
                        "hostIP": "10.0.\(replica % 20).1",
                        "phase": "Running",
                        "podIP": "10.244.\(index % 250).\(replica % 250)",
                        "qosClass": "BestEffort",
                        "startTime": "\(Self.created)"
                    }
                }
        """
    }

    private func uid(_ kind: String, _ index: Int, _ part: Int) -> String {
        let tag = kind == "pod" ? 3 : kind == "rs" ? 2 : 1
        return String(format: "%08x-%04x-4%03x-8%03x-%012x", index, part & 0xFFFF, tag, part >> 16 & 0xFFF, index * 31 + part)
    }
}
