#!/usr/bin/env bash
# Admin consent for the managed identity: grants its service principal the Microsoft Graph
# application permissions Call Doctor uses. A managed identity has no consent button in the portal;
# run this once per tenant, signed in (az login) as a Privileged Role Administrator or Global Administrator.
#   bash infra/grant-graph-permissions.sh <MANAGED_IDENTITY_PRINCIPAL_ID from env/.env.dev>
set -euo pipefail
principal="${1:?usage: bash infra/grant-graph-permissions.sh <MANAGED_IDENTITY_PRINCIPAL_ID>}"
graph_app_id=00000003-0000-0000-c000-000000000000
graph_sp=$(az ad sp show --id "$graph_app_id" --query id -o tsv)
for role in CallRecords.Read.All CallRecord-PstnCalls.Read.All GroupMember.Read.All TeamsAppInstallation.ReadWriteForUser.All; do
  role_id=$(az ad sp show --id "$graph_app_id" --query "appRoles[?value=='$role'].id | [0]" -o tsv)
  if az rest --method POST \
      --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$principal/appRoleAssignments" \
      --headers Content-Type=application/json \
      --body "{\"principalId\":\"$principal\",\"resourceId\":\"$graph_sp\",\"appRoleId\":\"$role_id\"}" >/dev/null 2>/tmp/grant-graph-permissions.err; then
    echo "granted $role"
  elif grep -q "already exists" /tmp/grant-graph-permissions.err; then
    echo "already granted $role"
  else
    cat /tmp/grant-graph-permissions.err >&2
    exit 1
  fi
done
