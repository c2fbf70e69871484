; Inno Setup 6 script: the Windows installer for the one-folder bundle (dist\tcdesk).
;   iscc /DAppVersion=0.1.0 packaging\windows\tcdesk.iss   (from the repository root)
; -> dist\tcdesk-<version>-windows-setup.exe. Per-user by default (no administrator
; needed; the TC's own account), per-machine if the person chooses it. It installs the
; folder, a Start menu entry for tcdesk.exe (windowed) and, if ticked, a desktop icon.
; The practice file and settings are never in the install folder: tcdesk keeps them in
; %LOCALAPPDATA%\tcdesk (platformdirs), so an upgrade or an uninstall leaves them alone.
; Written for the CI workflow (.github/workflows/bundle.yml); not run on Linux.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1F6C1E-3C4D-4E0B-9E0A-7C3D2A1B0F16}
AppName=tcdesk
AppVersion={#AppVersion}
AppVerName=tcdesk {#AppVersion}
AppPublisher=tcdesk
AppComments=The treatment coordinator's desk: chairside orthodontic consults, offline.
DefaultDirName={autopf}\tcdesk
DefaultGroupName=tcdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=tcdesk-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\icons\tcdesk.ico
UninstallDisplayIcon={app}\tcdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; An upgrade replaces the whole folder: no file of an older bundle stays behind.
UsePreviousAppDir=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\tcdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\tcdesk"; Filename: "{app}\tcdesk.exe"; Comment: "The treatment coordinator's desk"
Name: "{group}\{cm:UninstallProgram,tcdesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\tcdesk"; Filename: "{app}\tcdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\tcdesk.exe"; Description: "{cm:LaunchProgram,tcdesk}"; Flags: nowait postinstall skipifsilent
